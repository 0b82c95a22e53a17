import type { RequestHandler } from 'express';
import { attachContext, getContext } from './context.js';
import { patchResponse } from './envelope/patch-response.js';
import { resolveOptions, type TcapiOptions } from './options.js';

/**
 * The middleware an app mounts before its routes: it gives each request an
 * id (`X-TC-RequestId` header, `req.id`, the body's `RequestId`) and writes
 * `res.json()`, `res.send(object)` and `res.sendStatus()` as Tencent Cloud
 * envelopes. Mount `tcapiFinish()` after the routes for errors and
 * unmatched requests. Mounting it twice is harmless: the first one wins.
 *
 * @example
 * const app = express();
 * app.use(tcapi());
 * app.post('/', (req, res) => res.json({ TotalCount: 0 }));
 * app.use(tcapiFinish());
 */
export function tcapi(options?: TcapiOptions): RequestHandler {
  const resolved = resolveOptions(options);
  return function tcapiMiddleware(req, res, next) {
    if (getContext(req) === undefined) {
      attachContext(req, res, resolved);
      patchResponse(req, res, resolved);
    }
    next();
  };
}
