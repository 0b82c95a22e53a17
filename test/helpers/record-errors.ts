import type { ErrorRequestHandler } from 'express';

/** An error middleware that records what reaches it and passes it on. */
export function recordErrors(seen: unknown[]): ErrorRequestHandler {
  return function recordErrors(err, _req, _res, next) {
    seen.push(err);
    next(err);
  };
}
