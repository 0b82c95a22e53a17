import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../example-app/app.js';
import type { ChatOptions } from '../../example-app/hunyuan/index.js';
import { DEMO_KEY } from '../helpers/example-keys.js';
import {
  hunyuanClient,
  unsetProxyVariables,
  type HunyuanClient,
} from '../helpers/sdk-clients.js';

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

/**
 * The example app, requiring signatures, on a random loopback port, and
 * official Hunyuan clients pointed at its `/hunyuan` service.
 */
export async function startHunyuan(chat: ChatOptions = {}) {
  unsetProxyVariables();
  const app = createApp({
    credentials: { [DEMO_KEY.secretId]: DEMO_KEY.secretKey },
    chat: { delayMs: 5, ...chat },
  });
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    /** A client for ap-guangzhou, signing as the app expects. */
    client(): HunyuanClient {
      return hunyuanClient(`127.0.0.1:${port}/hunyuan`);
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export type Hunyuan = Awaited<ReturnType<typeof startHunyuan>>;
