import { describe, expect, it } from 'vitest';
import { ApiError, streamResult, type StreamOptions } from 'express-tcapi';
import { actionApp } from './helpers/action-app.js';
import {
  EXPRESS_VERSIONS,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { fetchRaw, pause, servePerTest } from './helpers/sse.js';

const serve = servePerTest();

async function stream(
  express: ExpressFactory,
  events: () => AsyncIterable<unknown>,
  options: StreamOptions,
) {
  const served = await serve(
    actionApp(express, {
      ChatCompletions: () => streamResult(events(), options),
    }),
  );
  return fetchRaw(served);
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('a stream with keepAliveMs', () => {
    describe('when the producer is silent between two events', () => {
      it('should write ping comments until the next event', async () => {
        const res = await stream(
          express,
          async function* events() {
            yield { N: 1 };
            await pause(120);
            yield { N: 2 };
          },
          { keepAliveMs: 20 },
        );
        expect(res.text).toMatch(
          /^data: \{"N":1\}\n\n(: ping\n\n){3,}data: \{"N":2\}\n\n$/,
        );
      });
    });

    describe('when the producer is slow to give its first event', () => {
      it('should write no comment before it', async () => {
        const res = await stream(
          express,
          async function* events() {
            await pause(80);
            yield { N: 1 };
          },
          { keepAliveMs: 20 },
        );
        expect(res.text).toBe('data: {"N":1}\n\n');
      });

      it('should still answer an early failure with the envelope', async () => {
        const res = await stream(
          express,
          async function* events() {
            await pause(80);
            throw new ApiError('ResourceUnavailable');
          },
          { keepAliveMs: 20 },
        );
        expect(res.headers['content-type']).toBe('application/json');
        expect(JSON.parse(res.text).Response.Error.Code).toBe(
          'ResourceUnavailable',
        );
      });
    });

    describe('when the producer keeps up', () => {
      it('should write no comment at all', async () => {
        const res = await stream(
          express,
          async function* events() {
            yield { N: 1 };
            yield { N: 2 };
          },
          { keepAliveMs: 50 },
        );
        expect(res.text).toBe('data: {"N":1}\n\ndata: {"N":2}\n\n');
      });
    });
  });

  describe('a stream without keepAliveMs', () => {
    describe('when the producer is silent between two events', () => {
      it('should write no comment', async () => {
        const res = await stream(
          express,
          async function* events() {
            yield { N: 1 };
            await pause(80);
            yield { N: 2 };
          },
          {},
        );
        expect(res.text).toBe('data: {"N":1}\n\ndata: {"N":2}\n\n');
      });
    });
  });
});
