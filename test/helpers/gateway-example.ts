import { cvm } from 'tencentcloud-sdk-nodejs-cvm';
import { createApp } from '../../example-app/app.js';
import { createStore } from '../../example-app/cvm/store.js';
import {
  createGateway,
  type GatewayOptions,
} from '../../example-app/gateway/app.js';
import { capturedLogger } from './gateway-logs.js';
import { listen, type Listening } from './gateway-upstreams.js';

const Client = cvm.v20170312.Client;
export type CvmClient = InstanceType<typeof Client>;

/** The example app's demo key pair. */
export const DEMO_KEY = Object.freeze({
  secretId: 'AKIDexpresstcapidemo',
  secretKey: 'express-tcapi-demo-secret-key',
});

/** A temporary key pair: requests must carry its token. */
export const TEMPORARY_KEY = Object.freeze({
  secretId: 'AKIDexpresstcapitemporary',
  secretKey: 'express-tcapi-temporary-secret-key',
  token: 'express-tcapi-session-token',
});

export const CREDENTIALS = {
  [DEMO_KEY.secretId]: DEMO_KEY.secretKey,
  [TEMPORARY_KEY.secretId]: {
    secretKey: TEMPORARY_KEY.secretKey,
    token: TEMPORARY_KEY.token,
  },
};

export const GATEWAY_SECRET = 'example-gateway-shared-secret';

// The SDK tunnels through these even to 127.0.0.1.
export function unsetProxyVariables(): void {
  for (const name of [
    'http_proxy',
    'HTTP_PROXY',
    'https_proxy',
    'HTTPS_PROXY',
  ]) {
    delete process.env[name];
  }
}

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

/** How a client signs and sends; every member is optional. */
export interface ClientOptions {
  credential?: { secretId: string; secretKey: string; token?: string };
  reqMethod?: 'GET' | 'POST';
  signMethod?: 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';
}

/** An official CVM client for ap-guangzhou at `host` (`127.0.0.1:<port>`). */
export function cvmClient(
  host: string,
  options: ClientOptions = {},
): CvmClient {
  return new Client({
    credential: { ...(options.credential ?? DEMO_KEY) },
    region: 'ap-guangzhou',
    profile: {
      // Only what is set: an explicit `reqMethod: undefined` crashes
      // the client.
      httpProfile: {
        endpoint: host,
        protocol: 'http://',
        ...(options.reqMethod && { reqMethod: options.reqMethod }),
      },
      ...(options.signMethod && { signMethod: options.signMethod }),
    },
  });
}

/** What the SDK throws for an error envelope. */
export interface SdkError {
  code?: string;
  message: string;
  requestId: string;
}

/** The error a call is rejected with; fails the test if it resolves. */
export async function rejection(call: Promise<unknown>): Promise<SdkError> {
  const outcome = await call.then(
    (result) => ({ result }),
    (error: SdkError) => ({ error }),
  );
  if ('result' in outcome) {
    throw new Error(`Expected an error, got ${JSON.stringify(outcome.result)}`);
  }
  return outcome.error;
}

/** `127.0.0.1:<port>` of a listening server. */
export const hostOf = (server: Listening) => `127.0.0.1:${server.port}`;
