import { once } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { cvm } from 'tencentcloud-sdk-nodejs-cvm';
import { createApp } from '../../example-app/app.js';
import { createStore } from '../../example-app/cvm/store.js';

const Client = cvm.v20170312.Client;
export type CvmClient = InstanceType<typeof Client>;

export const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The permanent key pair of the example app (its demo defaults). */
export const CREDENTIAL = Object.freeze({
  secretId: 'AKIDexpresstcapidemo',
  secretKey: 'express-tcapi-demo-secret-key',
});

/** A temporary key pair: requests must carry its token. */
export const TEMPORARY = Object.freeze({
  secretId: 'AKIDexpresstcapitemporary',
  secretKey: 'express-tcapi-temporary-secret-key',
  token: 'express-tcapi-session-token',
});

// The SDK tunnels through these even to 127.0.0.1.
const PROXY_VARIABLES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
];

/** How a client signs and sends; every member is optional. */
export interface ClientOptions {
  /** `null` sends no region at all. */
  region?: string | null;
  credential?: { secretId: string; secretKey: string; token?: string };
  reqMethod?: 'GET' | 'POST';
  signMethod?: 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';
  language?: 'zh-CN' | 'en-US';
}

/** Options of {@link startCvm}. */
export interface StartOptions {
  /** Runs as each request arrives, before the app sees it. */
  onRequest?: () => void;
}

/**
 * The example app, requiring signatures, on a random loopback port, on
 * a fresh store whose clock the test moves with `tick()`, and official
 * CVM clients pointed at it.
 */
export async function startCvm({ onRequest }: StartOptions = {}) {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  let time = Date.parse('2024-06-01T00:00:00Z');
  const store = createStore({ now: () => time, transitionMs: 2000 });
  const app = createApp({
    store,
    credentials: {
      [CREDENTIAL.secretId]: CREDENTIAL.secretKey,
      [TEMPORARY.secretId]: {
        secretKey: TEMPORARY.secretKey,
        token: TEMPORARY.token,
      },
    },
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    onRequest?.();
    app(req, res);
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = `127.0.0.1:${port}`;
  return {
    port,
    /** `127.0.0.1:<port>`, the endpoint the clients use. */
    host,
    /** A client for ap-guangzhou, signing as the app expects. */
    client(options: ClientOptions = {}): CvmClient {
      const { region = 'ap-guangzhou', credential = CREDENTIAL } = options;
      return new Client({
        credential: { ...credential },
        region: region ?? undefined,
        profile: {
          // Only what is set: an explicit `reqMethod: undefined`
          // crashes the client.
          httpProfile: {
            endpoint: host,
            protocol: 'http://',
            ...(options.reqMethod && { reqMethod: options.reqMethod }),
          },
          ...(options.signMethod && { signMethod: options.signMethod }),
          ...(options.language && { language: options.language }),
        },
      });
    },
    tick(ms = 2000) {
      time += ms;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export type Cvm = Awaited<ReturnType<typeof startCvm>>;

/** What the SDK throws for an error envelope. */
export interface SdkError {
  code?: string;
  message: string;
  requestId: string;
  httpCode?: number;
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
