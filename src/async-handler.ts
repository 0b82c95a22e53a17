import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Wraps a handler that may return a promise, so that a rejection reaches
 * the error handler on Express 4 too (Express 5 does this by itself).
 * A rejection with no error at all (`undefined`, `null`, `0`) still counts
 * as a failure.
 *
 * @example
 * app.get('/', asyncHandler(async (req, res) => {
 *   res.json(await load());
 * }));
 */
export function asyncHandler<
  Req extends Request = Request,
  Res extends Response = Response,
>(
  handler: (req: Req, res: Res, next: NextFunction) => unknown,
): RequestHandler {
  return function tcapiAsyncHandler(req, res, next) {
    const fail = (thrown: unknown) => next(asFailure(thrown));
    try {
      const result = handler(req as Req, res as Res, next);
      if (isThenable(result)) result.then(undefined, fail);
    } catch (thrown) {
      fail(thrown);
    }
  };
}

/**
 * A thrown value as something Express treats as an error: it skips to the
 * error handlers only for a truthy `next()` argument.
 */
export function asFailure(thrown: unknown): unknown {
  return thrown
    ? thrown
    : new Error(`A handler threw ${String(thrown)}`, { cause: thrown });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
