import { describe, expect, it, vi } from 'vitest';
import type { ReplyReport } from '../../example-app/hunyuan/index.js';
import { ask, chat, chatApp, envelope, events } from './hunyuan-support.js';

const app = chatApp();
const QUESTION = 'hello there world';

describe('ChatCompletions', () => {
  describe('when Stream is absent', () => {
    it('should answer the whole reply in one Message', async () => {
      const response = envelope(await chat(app, ask(QUESTION)));
      expect(response.Choices).toEqual([
        {
          Index: 0,
          Message: { Role: 'assistant', Content: 'HELLO THERE WORLD' },
          FinishReason: 'stop',
        },
      ]);
    });

    it('should give the request id as Id', async () => {
      const response = envelope(await chat(app, ask(QUESTION)));
      expect(response.Id).toBe(response.RequestId);
    });

    it('should count the words as tokens', async () => {
      const response = envelope(
        await chat(app, {
          Model: 'hunyuan-lite',
          Messages: [
            { Role: 'system', Content: 'be brief' },
            { Role: 'user', Content: QUESTION },
          ],
        }),
      );
      expect(response.Usage).toEqual({
        PromptTokens: 5,
        CompletionTokens: 3,
        TotalTokens: 8,
      });
    });

    it('should give Created in Unix seconds and a Note', async () => {
      const response = envelope(await chat(app, ask(QUESTION)));
      expect(Math.abs(response.Created - Date.now() / 1000)).toBeLessThan(5);
      expect(typeof response.Note).toBe('string');
    });

    it('should answer the same conversation the same way', async () => {
      const first = envelope(await chat(app, ask(QUESTION)));
      const second = envelope(await chat(app, ask(QUESTION)));
      expect(second.Choices).toEqual(first.Choices);
    });
  });

  describe('when Stream is true', () => {
    const streamed = () => chat(app, { ...ask(QUESTION), Stream: true });

    it('should send one event per word and a closing one', async () => {
      const list = events(await streamed());
      expect(list.map((e) => e.Choices[0].Delta)).toEqual([
        { Role: 'assistant', Content: 'HELLO ' },
        { Role: 'assistant', Content: 'THERE ' },
        { Role: 'assistant', Content: 'WORLD' },
        { Role: 'assistant', Content: '' },
      ]);
    });

    it('should end with FinishReason stop and no other', async () => {
      const list = events(await streamed());
      expect(list.map((e) => e.Choices[0].FinishReason)).toEqual([
        '',
        '',
        '',
        'stop',
      ]);
    });

    it('should join its deltas into the whole reply', async () => {
      const list = events(await streamed());
      const joined = list.map((e) => e.Choices[0].Delta.Content).join('');
      const whole = envelope(await chat(app, ask(QUESTION)));
      expect(joined).toBe(whole.Choices[0].Message.Content);
    });

    it('should give the request id as the Id of every event', async () => {
      const res = await streamed();
      const ids = new Set(events(res).map((e) => e.Id));
      expect([...ids]).toEqual([res.headers['x-tc-requestid']]);
    });

    it('should count the tokens sent so far in every event', async () => {
      const list = events(await streamed());
      expect(list.map((e) => e.Usage.CompletionTokens)).toEqual([1, 2, 3, 3]);
    });

    it('should send Cache-Control no-cache', async () => {
      const res = await streamed();
      expect(res.headers['cache-control']).toBe('no-cache');
    });
  });

  describe('when the chat pauses between events', () => {
    it('should take at least the pauses to stream', async () => {
      const slow = chatApp({ delayMs: 30 });
      const started = Date.now();
      events(await chat(slow, { ...ask(QUESTION), Stream: true }));
      expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 30 - 5);
    });
  });

  describe('when a streamed reply runs out of time', () => {
    const timed = (onReplyEnd?: (report: ReplyReport) => void) =>
      chat(chatApp({ delayMs: 20, timeoutMs: 30, onReplyEnd }), {
        ...ask('one two three four five six seven eight'),
        Stream: true,
      });

    it('should end with an ErrorMsg event of code 4001', async () => {
      const res = await timed();
      const list = events(res);
      expect(list.length).toBeGreaterThan(1);
      expect(list.at(-1)).toEqual({
        Note: expect.any(String),
        Choices: [],
        Created: expect.any(Number),
        Id: res.headers['x-tc-requestid'],
        ErrorMsg: { Code: 4001, Msg: 'The reply took longer than 30 ms.' },
      });
    });

    it('should report the reply as failed', async () => {
      const onReplyEnd = vi.fn();
      await timed(onReplyEnd);
      expect(onReplyEnd).toHaveBeenCalledWith(
        expect.objectContaining({ outcome: 'failed' }),
      );
    });
  });

  describe('when a streamed reply completes', () => {
    it('should report it with the number of events', async () => {
      const onReplyEnd = vi.fn();
      const res = await chat(chatApp({ onReplyEnd }), {
        ...ask(QUESTION),
        Stream: true,
      });
      expect(onReplyEnd).toHaveBeenCalledWith({
        requestId: res.headers['x-tc-requestid'],
        events: 4,
        outcome: 'completed',
      });
    });
  });
});
