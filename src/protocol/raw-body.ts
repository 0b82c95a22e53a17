import type { IncomingMessage } from 'node:http';
import type { Request } from 'express';
import getRawBody from 'raw-body';

// Symbol.for, so that a body captured by another copy of the package is
// still found.
const RAW_BODY = Symbol.for('express-tcapi.rawBody');

type WithRawBody = Request & { [RAW_BODY]?: Buffer };

/**
 * A body-parser `verify` function that keeps the body's bytes, for apps
 * that parse bodies before `actionRouter()`: signatures are computed over
 * the exact bytes, which a parsed body no longer has.
 *
 * @example
 * app.use(express.json({ verify: captureRawBody }));
 */
export function captureRawBody(
  req: IncomingMessage,
  _res: unknown,
  buffer: Buffer,
): void {
  Object.defineProperty(req, RAW_BODY, { value: buffer, configurable: true });
}

/** What became of the request body before the router ran. */
export type BodyState =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  | { readonly kind: 'parsed'; readonly body: unknown };

/**
 * Reads the request body, up to `limit` bytes. A body an earlier parser
 * consumed is taken from {@link captureRawBody} when it kept the bytes,
 * or else as that parser left it.
 */
export async function readBody(
  req: Request,
  limit: number,
): Promise<BodyState> {
  const captured = (req as WithRawBody)[RAW_BODY];
  if (captured) return { kind: 'bytes', bytes: captured };
  if (isConsumed(req)) return { kind: 'parsed', body: req.body };
  const bytes = await getRawBody(req, {
    length: req.headers['content-length'],
    limit,
  });
  return { kind: 'bytes', bytes };
}

function isConsumed(req: Request): boolean {
  // body-parser 1 marks the request; version 2 leaves the stream ended.
  return (req as { _body?: unknown })._body === true || req.readableEnded;
}
