import type {
  ErrorRequestHandler,
  Request,
  RequestHandler,
  Response,
} from 'express';
import { contextFor } from './context.js';
import { ApiError } from './errors/api-error.js';
import { isTencentMethod } from './methods.js';
import { answeredMisuse } from './misuse.js';
import {
  explicitOptions,
  resolveOptions,
  type ResolvedOptions,
  type TcapiOptions,
} from './options.js';
import { sendFailure } from './send-failure.js';

/**
 * Answers a request that no route matched: `InvalidAction`, or
 * `UnsupportedProtocol` for a method other than GET or POST. The path is
 * never put in the message. Options are those of the `tcapi()` that ran
 * for the request, with the ones given here on top.
 *
 * @example
 * app.use(tcapiNotFound());
 */
export function tcapiNotFound(options?: TcapiOptions): RequestHandler {
  if (answeredMisuse('tcapiNotFound', arguments)) return noop;
  const optionsFor = handlerOptions(options);
  return function tcapiNotFound(req, res) {
    const inForce = optionsFor(req, res);
    const error =
      inForce.restrictMethods && !isTencentMethod(req.method)
        ? new ApiError('UnsupportedProtocol')
        : new ApiError('InvalidAction');
    sendFailure(req, res, error, inForce);
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
  if (answeredMisuse('tcapiErrorHandler', arguments)) return noopErrorHandler;
  const optionsFor = handlerOptions(options);
  return function tcapiErrorHandler(err, req, res, _next) {
    sendFailure(req, res, err, optionsFor(req, res));
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
  if (answeredMisuse('tcapiFinish', arguments)) return [noop, noopErrorHandler];
  return [tcapiNotFound(options), tcapiErrorHandler(options)];
}

/**
 * The options in force for a request at a fallback handler: those of the
 * `tcapi()` that ran for it (or the defaults), with the ones the handler
 * was given explicitly on top.
 */
function handlerOptions(options: TcapiOptions | undefined) {
  const own = resolveOptions(options);
  const overrides = explicitOptions(options);
  return (req: Request, res: Response): ResolvedOptions => {
    const { options: base } = contextFor(req, res, own);
    return overrides ? Object.freeze({ ...base, ...overrides }) : base;
  };
}

const noop: RequestHandler = () => undefined;
const noopErrorHandler: ErrorRequestHandler = (_err, _req, _res, _next) =>
  undefined;

// Mounted without the call, `app.use(tcapiErrorHandler)`, the factory
// must still look like error middleware to Express, or it would be
// skipped while an error is in flight and the misuse never noticed.
Object.defineProperty(tcapiErrorHandler, 'length', { value: 4 });
