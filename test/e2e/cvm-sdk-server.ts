import { once } from 'node:events';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach } from 'vitest';
import { createApp } from '../../example-app/app.js';
import { createStore } from '../../example-app/cvm/store.js';
import { CREDENTIALS } from '../helpers/example-keys.js';
import {
  cvmClient,
  unsetProxyVariables,
  type ClientOptions,
  type CvmClient,
} from '../helpers/sdk-clients.js';

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
async function startCvm({ onRequest }: StartOptions = {}) {
  unsetProxyVariables();
  let time = Date.parse('2024-06-01T00:00:00Z');
  const store = createStore({ now: () => time, transitionMs: 2000 });
  const app = createApp({ store, credentials: CREDENTIALS });
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
      return cvmClient(host, options);
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

/** The example app as {@link cvmPerTest} starts it for a test. */
export type Cvm = Awaited<ReturnType<typeof startCvm>>;

/**
 * Starts the example app before each test of the file and closes it
 * after: the object returned always stands for the current test's app.
 */
export function cvmPerTest(options: StartOptions = {}): Cvm {
  const cvm = {} as Cvm;
  beforeEach(async () => {
    Object.assign(cvm, await startCvm(options));
  });
  afterEach(() => cvm.close());
  return cvm;
}
