import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ApiError } from './errors/api-error.js';
import { resolveOptions, type TcapiOptions } from './options.js';
import { sendFailure } from './send-failure.js';

const TENCENT_METHODS = new Set(['GET', 'HEAD', 'POST']);

/**
 * Answers a request that no route matched: `InvalidAction`, or
 * `UnsupportedProtocol` for a method other than GET or POST. The path is
 * never put in the message. Options are those of `tcapi()`, which take
 * precedence when it ran for the request.
 *
 * @example
 * app.use(tcapiNotFound());
 */
export function tcapiNotFound(options?: TcapiOptions): RequestHandler {
  const fallback = resolveOptions(options);
  return function tcapiNotFound(req, res) {
    const restrict = fallback.restrictMethods;
    const error =
      restrict && !TENCENT_METHODS.has(req.method)
        ? new ApiError('UnsupportedProtocol')
        : new ApiError('InvalidAction');
    sendFailure(req, res, error, fallback);
  };
}

/**
 * The error middleware: maps whatever reached `next(err)` to an error
 * envelope. It keeps the four parameters Express looks for in error
 * middleware, in the built package too.
 *
 * @example
 * app.use(tcapiErrorHandler({ onError: (err, { requestId }) => log(err) }));
 */
export function tcapiErrorHandler(options?: TcapiOptions): ErrorRequestHandler {
  const fallback = resolveOptions(options);
  return function tcapiErrorHandler(err, req, res, _next) {
    sendFailure(req, res, err, fallback);
  };
}

/**
 * Both fallbacks in order, for one `app.use()` after the routes.
 *
 * @example
 * app.use(tcapi());
 * app.use(routes);
 * app.use(tcapiFinish());
 */
export function tcapiFinish(
  options?: TcapiOptions,
): [RequestHandler, ErrorRequestHandler] {
  return [tcapiNotFound(options), tcapiErrorHandler(options)];
}
