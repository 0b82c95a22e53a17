import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hunyuan } from 'tencentcloud-sdk-nodejs-hunyuan';
import { createApp } from '../../example-app/app.js';
import type { ChatOptions } from '../../example-app/hunyuan/index.js';
import { CREDENTIAL } from './cvm-sdk-server.js';

const Client = hunyuan.v20230901.Client;
export type HunyuanClient = InstanceType<typeof Client>;

/** A message as the SDK's `SSEResponseModel` yields it. */
export interface SdkMessage {
  readonly data: string;
  readonly event: string;
  readonly id: string;
}

/**
 * What a streamed call resolves to. The SDK's types still say
 * `ChatCompletionsResponse`: at run time it is an `SSEResponseModel`.
 */
export interface SdkStream extends AsyncIterable<SdkMessage> {
  on(event: 'error', listener: (error: Error) => void): this;
}

/** Reads a streamed call's result as the stream it is. */
export const asStream = (result: unknown) => result as SdkStream;

// The SDK tunnels through these even to 127.0.0.1.
const PROXY_VARIABLES = [
  'http_proxy',
  'HTTP_PROXY',
  'https_proxy',
  'HTTPS_PROXY',
];

/**
 * The example app, requiring signatures, on a random loopback port, and
 * official Hunyuan clients pointed at its `/hunyuan` service.
 */
export async function startHunyuan(chat: ChatOptions = {}) {
  for (const name of PROXY_VARIABLES) delete process.env[name];
  const app = createApp({
    credentials: { [CREDENTIAL.secretId]: CREDENTIAL.secretKey },
    chat: { delayMs: 5, ...chat },
  });
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    /** A client for ap-guangzhou, signing as the app expects. */
    client(): HunyuanClient {
      return new Client({
        credential: { ...CREDENTIAL },
        region: 'ap-guangzhou',
        profile: {
          httpProfile: {
            endpoint: `127.0.0.1:${port}/hunyuan`,
            protocol: 'http://',
          },
        },
      });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export type Hunyuan = Awaited<ReturnType<typeof startHunyuan>>;
