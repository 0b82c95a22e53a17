import { createApp } from '../../example-app/app.js';
import { createStore } from '../../example-app/cvm/store.js';
import {
  createGateway,
  type GatewayOptions,
} from '../../example-app/gateway/app.js';
import { CREDENTIALS } from './example-keys.js';
import { capturedLogger } from './gateway-logs.js';
import { listen, type Listening } from './gateway-upstreams.js';

export const GATEWAY_SECRET = 'example-gateway-shared-secret';

/**
 * The example CVM backend on a loopback port, trusting a gateway with
 * GATEWAY_SECRET and logging with pino-http: the example app mounted
 * behind `tcapi({ trustRequestId: trustGateway(secret) })`, as
 * `npm start` runs it with GATEWAY_SECRET set.
 */
export async function startBackend() {
  const { logger, lines } = capturedLogger();
  const app = createApp({
    store: createStore(),
    credentials: CREDENTIALS,
    gatewaySecret: GATEWAY_SECRET,
    logger,
  });
  const server = await listen(app);
  return Object.assign(server, { lines });
}

/** The example gateway on a loopback port, logging to `lines`. */
export async function startGateway(
  upstream: string,
  options: Omit<GatewayOptions, 'upstream' | 'logger'> = {},
): Promise<Listening & { lines: ReturnType<typeof capturedLogger>['lines'] }> {
  const { logger, lines } = capturedLogger();
  const app = createGateway({
    upstream,
    credentials: CREDENTIALS,
    gatewaySecret: GATEWAY_SECRET,
    logger,
    ...options,
  });
  const server = await listen(app);
  return Object.assign(server, { lines });
}

/** `127.0.0.1:<port>` of a listening server. */
export const hostOf = (server: Listening) => `127.0.0.1:${server.port}`;
