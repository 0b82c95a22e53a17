import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { cvm } from 'tencentcloud-sdk-nodejs-cvm';
import { createApp } from '../../example-app/app.js';
import { createStore } from '../../example-app/cvm/store.js';

const Client = cvm.v20170312.Client;
export type CvmClient = InstanceType<typeof Client>;

export const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The SDK tunnels through these even to 127.0.0.1.
const PROXY_VARIABLES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
];

const credential = {
  secretId: 'AKIDexpresstcapidemo',
  secretKey: 'express-tcapi-demo-secret-key',
};

/**
 * The example app on a random loopback port, on a fresh store whose clock
 * the test moves with `tick()`, and official CVM clients pointed at it.
 */
export async function startCvm() {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  let time = Date.parse('2024-06-01T00:00:00Z');
  const store = createStore({ now: () => time, transitionMs: 2000 });
  const server = createApp({ store, credentials: credential }).listen(
    0,
    '127.0.0.1',
  );
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    /** A client for `region`; `null` sends no X-TC-Region at all. */
    client(region: string | null = 'ap-guangzhou'): CvmClient {
      return new Client({
        credential,
        region: region ?? undefined,
        profile: {
          httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: 'http://' },
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
