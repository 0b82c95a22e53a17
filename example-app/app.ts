import express, { type Express } from 'express';
import {
  actionRouter,
  tcapi,
  tcapiFinish,
  trustGateway,
  type CredentialsOption,
} from 'express-tcapi';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import {
  CVM_REGIONS,
  CVM_VERSION,
  createStore,
  cvmActions,
  type InstanceStore,
} from './cvm/index.js';
import {
  HUNYUAN_VERSION,
  hunyuanActions,
  type ChatOptions,
} from './hunyuan/index.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * Where the instances live.
   * @default a fresh store with the seed instances
   */
  store?: InstanceStore;
  /**
   * The keys requests must be signed with: each SecretId mapped to its
   * secret key, or to `{ secretKey, token }` for temporary credentials
   * (requests must then carry that token). Every signing method of the
   * official SDKs is accepted: TC3-HMAC-SHA256, HmacSHA1 and HmacSHA256.
   *
   * Without it, signatures are not checked at all and unsigned requests
   * are served: meant for tests that drive the app directly.
   * @default undefined (no signature checks)
   */
  credentials?: CredentialsOption;
  /**
   * How the chat service at `/hunyuan` streams its replies.
   * @default { delayMs: 50 }
   */
  chat?: ChatOptions;
  /**
   * A secret shared with the example gateway (`GATEWAY_SECRET`): a request
   * that carries the gateway's proof keeps the gateway's request id, so
   * both services' logs and the client see one id; any other request gets
   * a fresh one.
   * @default undefined (every request gets a fresh id)
   */
  gatewaySecret?: string;
  /**
   * Where each request is logged, with the id the client is given.
   * @default undefined (nothing is logged)
   */
  logger?: Logger;
}

/**
 * Two small compatible services: CVM at `/` (point an official CVM client
 * at it and call DescribeInstances, RunInstances, ...) and a Hunyuan-like
 * chat service at `/hunyuan`, whose `ChatCompletions` streams its reply
 * as server-sent events when asked to. Both take the same keys.
 *
 * @example
 * createApp({ credentials: { AKIDexample: 'secret-key' } })
 *   .listen(3000, '127.0.0.1');
 */
export function createApp(options: AppOptions = {}): Express {
  const store = options.store ?? createStore();
  const app = express();
  app.disable('x-powered-by');
  const { logger } = options;
  app.use(
    tcapi({
      trustRequestId: options.gatewaySecret
        ? trustGateway(options.gatewaySecret)
        : false,
      onError: logger
        ? (err, { requestId, code }) =>
            logger.error({ err, requestId, code }, 'request failed')
        : undefined,
    }),
  );
  // After tcapi(): pino-http then logs the id the client is given.
  if (logger) app.use(pinoHttp({ logger }));
  app.use(
    '/hunyuan',
    actionRouter({
      versions: { [HUNYUAN_VERSION]: hunyuanActions(options.chat) },
      credentials: options.credentials,
      // Two products share this host: each signature is bound to one.
      service: 'hunyuan',
    }),
  );
  app.use(
    '/',
    actionRouter({
      versions: { [CVM_VERSION]: cvmActions(store) },
      regions: CVM_REGIONS,
      credentials: options.credentials,
      service: 'cvm',
    }),
  );
  app.use(tcapiFinish());
  return app;
}
