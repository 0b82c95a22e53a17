import type { Express } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import {
  tcapi,
  tcapiFinish,
  tcapiProxy,
  type TcapiOptions,
  type TcapiProxyOptions,
} from 'express-tcapi';
import type { ExpressFactory } from './express-versions.js';

/** How a test gateway is put together around the proxy. */
export interface GatewayAppOptions extends TcapiOptions {
  /** Options of `tcapiProxy()` besides the target. */
  proxy?: Omit<TcapiProxyOptions, 'target'>;
  /** Mounted between `tcapi()` and the proxy. */
  before?: (app: Express) => void;
}

/**
 * A gateway as the README mounts it: `tcapi()`, then `before`, then
 * http-proxy-middleware with `tcapiProxy()`, then `tcapiFinish()`.
 */
export function gatewayApp(
  express: ExpressFactory,
  target: string,
  options: GatewayAppOptions = {},
): Express {
  const { proxy, before, ...tcapiOptions } = options;
  const app = express();
  app.use(tcapi(tcapiOptions));
  before?.(app);
  app.use(createProxyMiddleware(tcapiProxy({ target, ...proxy })));
  app.use(tcapiFinish());
  return app;
}
