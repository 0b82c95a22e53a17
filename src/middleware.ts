import type { RequestHandler } from 'express';
import { attachContext, getContext } from './context.js';
import { patchResponse } from './envelope/patch-response.js';
import { ApiError } from './errors/api-error.js';
import { isTencentMethod } from './methods.js';
import { answeredMisuse } from './misuse.js';
import { resolveOptions, type TcapiOptions } from './options.js';

/**
 * The middleware an app mounts before its routes: it gives each request an
 * id (`X-TC-RequestId` header, `req.id`, the body's `RequestId`) and writes
 * `res.json()`, `res.send(object)` and `res.sendStatus()` as Tencent Cloud
 * envelopes. Methods other than GET and POST (HEAD counts as GET) are
 * refused with `UnsupportedProtocol` before routing, unless
 * `restrictMethods` is `false`. Mount `tcapiFinish()` after the routes for
 * errors and unmatched requests. Mounting it twice is harmless: the first
 * one wins.
 *
 * @example
 * const app = express();
 * app.use(tcapi());
 * app.post('/', (req, res) => res.json({ TotalCount: 0 }));
 * app.use(tcapiFinish());
 */
export function tcapi(options?: TcapiOptions): RequestHandler {
  if (answeredMisuse('tcapi', arguments, true)) return noop;
  const resolved = resolveOptions(options);
  return function tcapiMiddleware(req, res, next) {
    if (getContext(req) !== undefined) return next();
    attachContext(req, res, resolved);
    patchResponse(req, res, resolved);
    if (resolved.restrictMethods && !isTencentMethod(req.method)) {
      // Refused before routing: Express would otherwise answer OPTIONS
      // for any path with routes, in text, by itself. Through next(), so
      // the error handlers' options apply.
      next(new ApiError('UnsupportedProtocol'));
      return;
    }
    next();
  };
}

const noop: RequestHandler = () => undefined;
