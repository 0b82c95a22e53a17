import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

// Short ids of a safe alphabet only: anything echoed into headers, bodies
// and logs must not carry control characters or unbounded text.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Whether an id from outside is short and of the safe alphabet. */
export function isSafeId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_ID.test(value);
}

/**
 * Which requests may bring their own request id in `X-TC-RequestId`:
 * none (`false`), all (`true`), or those a function approves.
 */
export type TrustRequestId = boolean | ((req: Request) => boolean);

/**
 * The id for this request: the incoming `X-TC-RequestId` when trusted and
 * safe, otherwise a fresh UUID v4.
 */
export function chooseRequestId(req: Request, trust: TrustRequestId): string {
  const incoming = req.headers['x-tc-requestid'];
  return isTrusted(req, trust) && isSafeId(incoming) ? incoming : randomUUID();
}

function isTrusted(req: Request, trust: TrustRequestId): boolean {
  if (typeof trust !== 'function') return trust;
  try {
    return trust(req) === true;
  } catch {
    // A policy that fails grants nothing.
    return false;
  }
}

/** The caller's `X-TC-TraceId`, when it is safe to echo back. */
export function safeTraceId(req: Request): string | undefined {
  const incoming = req.headers['x-tc-traceid'];
  return isSafeId(incoming) ? incoming : undefined;
}
