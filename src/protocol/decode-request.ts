import type { Request } from 'express';
import { ApiError } from '../errors/api-error.js';
import {
  tc3CommonParameters,
  v1CommonParameters,
  withoutV1Common,
  type CommonParameters,
} from './common-parameters.js';
import { expandFlatParameters, flatParameters } from './flat-parameters.js';
import * as messages from './messages.js';
import { readBody } from './raw-body.js';
import type { SignedRequest } from './signature/verify.js';

/** Largest accepted sizes, in bytes, per request form. */
export interface SizeLimits {
  /** The query string of a GET. */
  readonly get: number;
  /** An `application/x-www-form-urlencoded` POST body (v1). */
  readonly form: number;
  /** A JSON POST body (TC3). */
  readonly json: number;
}

/** A request in any of the forms the SDKs send, decoded into one shape. */
export interface DecodedRequest {
  readonly common: CommonParameters;
  /**
   * The action's own parameters, common ones taken out. Decoded only when
   * asked for, after the signature: a malformed body is a parameter
   * problem, which the real service reports after authentication.
   */
  readonly readParams: () => Record<string, unknown>;
  /** Whether the values arrived as strings (GET and forms) to be coerced. */
  readonly coerce: boolean;
  /** What a signature is checked against; absent when the bytes are gone. */
  readonly signed: SignedRequest | undefined;
}

type Form = SignedRequest['form'];
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Decodes TC3 POST (JSON), TC3 GET, v1 GET and v1 POST (form) requests
 * into one shape. The method must already be GET or POST.
 */
export async function decodeRequest(
  req: Request,
  limits: SizeLimits,
): Promise<DecodedRequest> {
  const form: Form = isTc3(req) ? 'tc3' : 'v1';
  const mark = req.originalUrl.indexOf('?');
  const path = mark < 0 ? req.originalUrl : req.originalUrl.slice(0, mark);
  const rawQuery = mark < 0 ? '' : req.originalUrl.slice(mark + 1);
  const unsigned = {
    form,
    method: req.method,
    path,
    rawQuery,
    headers: req.headers,
  };
  if (req.method === 'GET') {
    if (Buffer.byteLength(rawQuery) > limits.get) throw tooLarge();
    return fromText(rawQuery, { ...unsigned, rawBody: Buffer.alloc(0) });
  }
  const type = checkedMediaType(req);
  const body = await readBody(
    req,
    type === JSON_TYPE ? limits.json : limits.form,
  ).catch((error: unknown) => {
    const tooLong = (error as { type?: unknown }).type === 'entity.too.large';
    throw tooLong ? tooLarge() : error;
  });
  if (body.kind === 'parsed') return fromParsed(form, req, body.body, type);
  const signed = { ...unsigned, rawBody: body.bytes };
  if (type === FORM_TYPE) return fromText(utf8(body.bytes), signed);
  const common = tc3CommonParameters(req.headers);
  return {
    common,
    readParams: () => parseJson(body.bytes),
    coerce: false,
    signed,
  };
}

// GET queries and form bodies: flattened keys, every value a string.
function fromText(text: string, signed: SignedRequest): DecodedRequest {
  if (signed.form === 'tc3') {
    const common = tc3CommonParameters(signed.headers);
    return {
      common,
      readParams: () => expandFlatParameters(text),
      coerce: true,
      signed,
    };
  }
  const flat = flatParameters(text);
  return {
    common: v1CommonParameters(flat),
    readParams: () => withoutV1Common(expandFlatParameters(text)),
    coerce: true,
    signed: { ...signed, v1Params: flat },
  };
}

// A body parser ran first without keeping the bytes: the parameters are
// usable, but a signature can no longer be checked.
function fromParsed(form: Form, req: Request, body: unknown, type: string) {
  const params =
    type === FORM_TYPE ? expandParsedForm(body) : isRecord(body) ? body : {};
  const common =
    form === 'tc3'
      ? tc3CommonParameters(req.headers)
      : v1CommonParameters(stringsOf(params));
  const own = form === 'tc3' ? params : withoutV1Common(params);
  return {
    common,
    readParams: () => own,
    coerce: type === FORM_TYPE,
    signed: undefined,
  };
}

// A form parser that ran first leaves the flattened names as they were
// sent (`Filters.0.Name`); they are expanded as the router would have.
function expandParsedForm(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) return {};
  const entries = Object.entries(body);
  if (
    !entries.every(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    )
  ) {
    return body;
  }
  return expandFlatParameters(new URLSearchParams(entries).toString());
}

function isTc3(req: Request): boolean {
  const auth = req.headers.authorization;
  return (
    (typeof auth === 'string' && auth.startsWith('TC3-')) ||
    req.headers['x-tc-action'] !== undefined
  );
}

// Without a Content-Type the body is read as JSON, so that a bare POST
// with no body is an action without parameters.
function checkedMediaType(req: Request): string {
  const header = req.headers['content-type'] ?? JSON_TYPE;
  const [type = '', ...parameters] = header.split(';');
  const media = type.trim().toLowerCase();
  const charset = parameters
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='));
  const utf8Charset = !charset || /^charset="?utf-8"?$/.test(charset);
  if ((media !== JSON_TYPE && media !== FORM_TYPE) || !utf8Charset) {
    throw new ApiError('InvalidParameter', messages.unsupportedContentType, {
      status: 415,
    });
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    throw new ApiError('InvalidParameter', messages.unsupportedEncoding, {
      status: 415,
    });
  }
  return media;
}

function parseJson(bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) return {};
  const text = utf8(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('InvalidParameter', messages.notJson);
  }
  if (!isRecord(value))
    throw new ApiError('InvalidParameter', messages.notAnObject);
  return value;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Buffer): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ApiError('InvalidParameter', messages.notUtf8);
  }
}

function tooLarge(): ApiError {
  return new ApiError('RequestSizeLimitExceeded', messages.requestTooLarge);
}

function stringsOf(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
