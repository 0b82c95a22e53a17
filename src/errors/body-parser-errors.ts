import type { Failure } from './failure.js';

type Mapped = Pick<Failure, 'code' | 'message' | 'status'>;

const parseFailed = (jsonSyntax: boolean): Mapped => ({
  code: 'InvalidParameter',
  message: jsonSyntax
    ? 'The request body is not valid JSON.'
    : 'The request body could not be parsed.',
  status: 400,
});

const NOT_DECOMPRESSED: Mapped = {
  code: 'InvalidParameter',
  message: 'The request body could not be decompressed.',
  status: 400,
};

// Keyed by the `type` that body-parser (1.x and 2.x) sets on its errors.
// Messages are fixed: body-parser's own ones echo header values and
// fragments of the body.
const BY_TYPE: Readonly<Record<string, Mapped>> = Object.freeze({
  'encoding.unsupported': {
    code: 'InvalidParameter',
    message: 'The request body uses an unsupported content encoding.',
    status: 415,
  },
  'charset.unsupported': {
    code: 'InvalidParameter',
    message: 'The request body uses an unsupported charset.',
    status: 415,
  },
  'entity.too.large': {
    code: 'RequestSizeLimitExceeded',
    message: 'The request body is too large.',
    status: 413,
  },
  'parameters.too.many': {
    code: 'RequestSizeLimitExceeded',
    message: 'The request body has too many parameters.',
    status: 413,
  },
  'querystring.parse.rangeError': {
    code: 'InvalidParameter',
    message: 'The request body is nested too deeply.',
    status: 400,
  },
  'request.aborted': {
    code: 'InvalidParameter',
    message: 'The request body was not received completely.',
    status: 400,
  },
  'request.size.invalid': {
    code: 'InvalidParameter',
    message: 'The request body size does not match its Content-Length.',
    status: 400,
  },
  'entity.verify.failed': {
    code: 'UnauthorizedOperation',
    message: undefined,
    status: 403,
  },
  'stream.encoding.set': {
    code: 'InternalError',
    message: undefined,
    status: 500,
  },
  'stream.not.readable': {
    code: 'InternalError',
    message: undefined,
    status: 500,
  },
});

/**
 * Maps an error raised while reading or parsing the request body, or
 * returns `undefined` for any other error.
 */
export function mapBodyError(err: Error): Mapped | undefined {
  const type = (err as { type?: unknown }).type;
  if (type === 'entity.parse.failed') {
    return parseFailed(err instanceof SyntaxError);
  }
  if (typeof type === 'string' && Object.hasOwn(BY_TYPE, type)) {
    return BY_TYPE[type];
  }
  // zlib's own errors (a Content-Encoding the body does not match) carry
  // its wording, not a message for the client; Brotli's codes start ERR__.
  const { code } = err as { code?: unknown };
  if (typeof code === 'string' && /^(Z_|ERR__)/.test(code))
    return NOT_DECOMPRESSED;
  // Other JSON body parsers reject with a SyntaxError marked as a client
  // error and carrying the body; a bare SyntaxError is a server bug.
  if (err instanceof SyntaxError && 'body' in err && statusOf(err) === 400) {
    return parseFailed(true);
  }
  return undefined;
}

function statusOf(err: Error): unknown {
  const { status, statusCode } = err as {
    status?: unknown;
    statusCode?: unknown;
  };
  return status ?? statusCode;
}
