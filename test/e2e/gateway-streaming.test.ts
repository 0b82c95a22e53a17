import express from 'express';
import { describe, expect, it } from 'vitest';
import { tcapi, trustGateway } from 'express-tcapi';
import { createApp } from '../../example-app/app.js';
import { closeAfterEach } from '../helpers/close-after-each.js';
import { CREDENTIALS } from '../helpers/example-keys.js';
import {
  GATEWAY_SECRET,
  hostOf,
  startGateway,
} from '../helpers/gateway-example.js';
import { listen } from '../helpers/gateway-upstreams.js';
import { hunyuanClient, unsetProxyVariables } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';

const QUESTION = {
  Model: 'hunyuan-lite',
  Messages: [{ Role: 'user', Content: 'one two three four five six' }],
};
const DELAY_MS = 40;

const track = closeAfterEach();

/** The example services behind the example gateway. */
async function chatThroughGateway() {
  unsetProxyVariables();
  const app = express();
  app.use(tcapi({ trustRequestId: trustGateway(GATEWAY_SECRET) }));
  app.use(createApp({ credentials: CREDENTIALS, chat: { delayMs: DELAY_MS } }));
  const backend = await track(listen(app));
  const gateway = await track(startGateway(backend.url));
  return hunyuanClient(`${hostOf(gateway)}/hunyuan`);
}

interface Message {
  data: string;
}

describe('the official Hunyuan client through the example gateway', () => {
  describe('when calling ChatCompletions with Stream', () => {
    it('should receive each event as the backend sends it', async () => {
      const client = await chatThroughGateway();
      const result = (await client.ChatCompletions({
        ...QUESTION,
        Stream: true,
      })) as unknown as AsyncIterable<Message>;
      const arrivals: number[] = [];
      const events: Array<{
        Choices: Array<{ Delta: { Content: string }; FinishReason: string }>;
      }> = [];
      for await (const message of result) {
        arrivals.push(Date.now());
        events.push(JSON.parse(message.data));
      }
      const text = events.map((e) => e.Choices[0]?.Delta.Content).join('');
      expect(text).toBe('ONE TWO THREE FOUR FIVE SIX');
      expect(events.at(-1)?.Choices[0]?.FinishReason).toBe('stop');
      // Buffered by the gateway, they would all arrive at once.
      expect(arrivals.at(-1)! - arrivals[0]!).toBeGreaterThanOrEqual(
        DELAY_MS * 3,
      );
    });

    it('should raise an error sent before the first event', async () => {
      const client = await chatThroughGateway();
      const error = await rejection(
        client.ChatCompletions({ ...QUESTION, Stream: true, Temperature: 2.5 }),
      );
      expect(error.code).toBe('InvalidParameterValue');
    });
  });
});
