import express, { type Express } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import {
  tcapi,
  tcapiAuthenticate,
  tcapiFinish,
  tcapiProxy,
  type CredentialsOption,
} from 'express-tcapi';
import { rateLimits, type SendCommand } from './rate-limits.js';

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /** The compatible service behind the gateway, such as `http://127.0.0.1:3000`. */
  upstream: string;
  /**
   * The keys requests must be signed with. When given, the gateway checks
   * every signature before proxying (and limits per SecretId); the
   * backend checks it again over the same bytes. Without it, only the
   * backend checks, and limits are per IP address.
   */
  credentials?: CredentialsOption;
  /**
   * Shared with the backend (`trustGateway(secret)` there), so that the
   * backend takes the gateway's request id as its own.
   */
  gatewaySecret?: string;
  /** Requests per minute per key; no limit when absent. */
  rateLimitPerMinute?: number;
  /** Redis for the limit counts, shared by several gateways; memory otherwise. */
  sendCommand?: SendCommand;
  /** Logs one line per request, with the id the client sees. */
  logger?: Logger;
  /** Milliseconds the upstream may stay silent. @default 30000 */
  timeout?: number;
}

/**
 * A gateway in front of a Tencent Cloud compatible service: every answer
 * an envelope, whatever the upstream does; signatures checked and rate
 * limits applied before anything reaches it.
 *
 * @example
 * createGateway({ upstream: 'http://127.0.0.1:3000' }).listen(8080);
 */
export function createGateway(options: GatewayOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // http-proxy-middleware answers outside Express's error handling, so
  // the hook is given to tcapi(), where every failure meets it.
  const { logger } = options;
  app.use(
    tcapi({
      onError: logger
        ? (err, { requestId, code }) =>
            logger.error({ err, requestId, code }, 'request failed')
        : undefined,
    }),
  );
  // After tcapi(): pino-http then logs the id the client is given.
  if (options.logger) app.use(pinoHttp({ logger: options.logger }));
  const limits =
    options.rateLimitPerMinute === undefined
      ? undefined
      : rateLimits({
          perMinute: options.rateLimitPerMinute,
          sendCommand: options.sendCommand,
          authenticates: options.credentials !== undefined,
        });
  if (limits?.beforeAuthentication) app.use(limits.beforeAuthentication);
  if (options.credentials !== undefined) {
    app.use(tcapiAuthenticate({ credentials: options.credentials }));
  }
  if (limits?.forgiveAuthenticated) app.use(limits.forgiveAuthenticated);
  if (limits) app.use(limits.afterAuthentication);
  app.use(
    createProxyMiddleware(
      tcapiProxy({
        target: options.upstream,
        gatewaySecret: options.gatewaySecret,
        timeout: options.timeout,
      }),
    ),
  );
  app.use(tcapiFinish());
  return app;
}
