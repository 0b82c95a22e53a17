import type { IncomingMessage } from 'node:http';

/** The start of an upstream answer, read before deciding what it is. */
export interface Opening {
  readonly bytes: Buffer;
  /** `true` when `bytes` is the whole body. */
  readonly complete: boolean;
}

/** What a complete body says, when it is an envelope. */
export interface EnvelopeFacts {
  readonly requestId: string;
  /** `Error.Code` of an error envelope. */
  readonly code: string | undefined;
}

/**
 * Reads an upstream body until it ends or passes `limit` bytes; in the
 * second case the stream is left paused, the rest still unread, to be
 * piped on.
 */
export function readOpening(
  stream: IncomingMessage,
  limit: number,
): Promise<Opening> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: Opening | Error) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size <= limit) return;
      stream.pause();
      settle({ bytes: Buffer.concat(chunks), complete: false });
    };
    const onEnd = () =>
      settle({ bytes: Buffer.concat(chunks), complete: true });
    const onError = (error: Error) => settle(error);
    const onClose = () =>
      settle(new Error('The upstream closed before its answer was complete.'));
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.once('close', onClose);
  });
}

/**
 * The facts of a complete body that the official SDKs would read as an
 * envelope: a JSON object whose `Response` is an object with a string
 * `RequestId` and, if it has an `Error`, a non-empty string `Code` and a
 * string `Message`. `undefined` for anything else.
 */
export function envelopeFacts(body: Buffer): EnvelopeFacts | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(value) || !isRecord(value.Response)) return undefined;
  const { RequestId, Error: error } = value.Response;
  if (typeof RequestId !== 'string') return undefined;
  if (error === undefined) return { requestId: RequestId, code: undefined };
  if (
    !isRecord(error) ||
    typeof error.Code !== 'string' ||
    error.Code === '' ||
    typeof error.Message !== 'string'
  ) {
    return undefined;
  }
  return { requestId: RequestId, code: error.Code };
}

// `{"Response": {`, with the JSON whitespace the grammar allows.
const ENVELOPE_OPENING =
  /^[\t\n\r ]*\{[\t\n\r ]*"Response"[\t\n\r ]*:[\t\n\r ]*\{/;

/** Whether the start of a long body opens an envelope. */
export function opensEnvelope(head: Buffer): boolean {
  return ENVELOPE_OPENING.test(head.subarray(0, 1024).toString('utf8'));
}

/** The media type of a `Content-Type`, lower-case, without parameters. */
export function mediaType(value: string | undefined): string {
  return (value ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
