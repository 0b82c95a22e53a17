import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReplyReport } from '../../example-app/hunyuan/index.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import { rejection } from '../helpers/sdk-errors.js';
import {
  asStream,
  startHunyuan,
  type Hunyuan,
  type SdkMessage,
} from './hunyuan-sdk-server.js';

const QUESTION = {
  Model: 'hunyuan-lite',
  Messages: [{ Role: 'user', Content: 'hello there world' }],
};
// Forty words: a reply long enough to be left midway.
const LONG_QUESTION = {
  Model: 'hunyuan-lite',
  Messages: [
    {
      Role: 'user',
      Content: Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '),
    },
  ],
};

let service: Hunyuan | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

async function collect(stream: AsyncIterable<SdkMessage>) {
  const messages: SdkMessage[] = [];
  for await (const message of stream) messages.push(message);
  return messages;
}

/** Resolves with the report of the first reply that ends. */
function nextReport() {
  let resolve: (report: ReplyReport) => void = () => undefined;
  const ended = new Promise<ReplyReport>((r) => {
    resolve = r;
  });
  return { ended, onReplyEnd: vi.fn((report: ReplyReport) => resolve(report)) };
}

describe('the official Hunyuan client', () => {
  describe('when calling ChatCompletions without Stream', () => {
    it('should read the whole reply and the RequestId', async () => {
      service = await startHunyuan();
      const result = await service.client().ChatCompletions(QUESTION);
      expect(result.Choices?.[0]?.Message?.Content).toBe('HELLO THERE WORLD');
      expect(result.Choices?.[0]?.FinishReason).toBe('stop');
      expect(result.RequestId).toMatch(UUID);
      expect(result.Id).toBe(result.RequestId);
    });
  });

  describe('when calling ChatCompletions with Stream', () => {
    it('should iterate the events up to FinishReason stop', async () => {
      service = await startHunyuan();
      const result = await service.client().ChatCompletions({
        ...QUESTION,
        Stream: true,
      });
      const messages = await collect(asStream(result));
      const events = messages.map((message) => JSON.parse(message.data));
      expect(events).toHaveLength(4);
      expect(events.at(-1).Choices[0].FinishReason).toBe('stop');
      const text = events.map((e) => e.Choices[0].Delta.Content).join('');
      expect(text).toBe('HELLO THERE WORLD');
    });

    it('should see no event names or ids', async () => {
      service = await startHunyuan();
      const result = await service.client().ChatCompletions({
        ...QUESTION,
        Stream: true,
      });
      const messages = await collect(asStream(result));
      expect(messages.every((m) => m.event === '' && m.id === '')).toBe(true);
    });
  });

  describe('when a streamed call has a bad Temperature', () => {
    it('should raise the error with its code and RequestId', async () => {
      service = await startHunyuan();
      const error = await rejection(
        service.client().ChatCompletions({
          ...QUESTION,
          Stream: true,
          Temperature: 2.5,
        }),
      );
      expect(error.code).toBe('InvalidParameterValue');
      expect(error.message).toContain('`Temperature`');
      expect(error.requestId).toMatch(UUID);
    });
  });

  describe('when a streamed reply fails midway', () => {
    it('should yield the ErrorMsg event as one more message, raising nothing', async () => {
      service = await startHunyuan({ delayMs: 20, timeoutMs: 30 });
      const result = await service.client().ChatCompletions({
        ...LONG_QUESTION,
        Stream: true,
      });
      const messages = await collect(asStream(result));
      const last = JSON.parse(messages.at(-1)?.data ?? '{}');
      expect(last.ErrorMsg).toEqual({
        Code: 4001,
        Msg: 'The reply took longer than 30 ms.',
      });
      expect(last.Id).toMatch(UUID);
    });
  });

  describe('when the stream sends keep-alive comments', () => {
    it('should yield each as a message with empty data', async () => {
      service = await startHunyuan({ delayMs: 60, keepAliveMs: 15 });
      const result = await service.client().ChatCompletions({
        ...QUESTION,
        Stream: true,
      });
      const messages = await collect(asStream(result));
      const empty = messages.filter((m) => m.data === '');
      expect(empty.length).toBeGreaterThan(0);
      expect(messages.length - empty.length).toBe(4);
    });
  });

  describe('when the caller aborts the call midway', () => {
    it('should stop the reply on the server', async () => {
      const { ended, onReplyEnd } = nextReport();
      service = await startHunyuan({ delayMs: 10, onReplyEnd });
      const controller = new AbortController();
      // ChatCompletions() takes no options: request() passes the signal.
      const stream = asStream(
        await service
          .client()
          .request(
            'ChatCompletions',
            { ...LONG_QUESTION, Stream: true },
            { signal: controller.signal },
          ),
      );
      // Without a listener, the abort is an unhandled 'error' event.
      stream.on('error', () => undefined);
      let read = 0;
      const reading = (async () => {
        for await (const _message of stream) {
          read += 1;
          if (read === 3) controller.abort();
        }
      })();
      await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
      const report = await ended;
      expect(report.outcome).toBe('stopped');
      expect(report.events).toBeLessThan(41);
    });
  });

  describe('when the caller breaks out of the loop without aborting', () => {
    it('should leave the reply running: the SDK reads on', async () => {
      const { ended, onReplyEnd } = nextReport();
      service = await startHunyuan({ delayMs: 2, onReplyEnd });
      const result = await service.client().ChatCompletions({
        ...LONG_QUESTION,
        Stream: true,
      });
      for await (const _message of asStream(result)) break;
      const report = await ended;
      expect(report).toMatchObject({ outcome: 'completed', events: 41 });
    });
  });
});
