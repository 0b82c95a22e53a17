import { describe, expect, it } from 'vitest';
import {
  asyncHandler,
  sendStream,
  streamResult,
  tcapi,
  tcapiFinish,
  type ActionTable,
} from 'express-tcapi';
import { actionApp } from './helpers/action-app.js';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { dataOf, fetchRaw, servePerTest } from './helpers/sse.js';

async function* words(...list: string[]) {
  for (const word of list) yield { Delta: word };
}

const serve = servePerTest();

async function serveActions(express: ExpressFactory, actions: ActionTable) {
  return serve(actionApp(express, actions));
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter() with a streamResult()', () => {
    const actions = {
      ChatCompletions: () => streamResult(words('a', 'b', 'c')),
    };

    describe('when the handler returns a stream of events', () => {
      it('should answer on HTTP 200', async () => {
        const res = await fetchRaw(await serveActions(express, actions));
        expect(res.status).toBe(200);
      });

      it('should send Content-Type text/event-stream exactly', async () => {
        const res = await fetchRaw(await serveActions(express, actions));
        expect(res.headers['content-type']).toBe('text/event-stream');
      });

      it('should send Cache-Control no-cache', async () => {
        const res = await fetchRaw(await serveActions(express, actions));
        expect(res.headers['cache-control']).toBe('no-cache');
      });

      it('should send the request id in X-TC-RequestId', async () => {
        const res = await fetchRaw(await serveActions(express, actions));
        expect(res.headers['x-tc-requestid']).toMatch(UUID_V4);
      });

      it('should send no Content-Length', async () => {
        const res = await fetchRaw(await serveActions(express, actions));
        expect(res.headers['content-length']).toBeUndefined();
      });

      it('should write each event as one data line and a blank line', async () => {
        const res = await fetchRaw(await serveActions(express, actions));
        expect(res.text).toBe(
          'data: {"Delta":"a"}\n\ndata: {"Delta":"b"}\n\ndata: {"Delta":"c"}\n\n',
        );
      });

      it('should write no event:, id: or [DONE] lines', async () => {
        const res = await fetchRaw(await serveActions(express, actions));
        const lines = res.text.split('\n').filter((line) => line !== '');
        expect(lines.every((line) => line.startsWith('data: {'))).toBe(true);
        expect(res.text).not.toContain('[DONE]');
      });
    });

    describe('when the events hold line breaks and non-ASCII text', () => {
      it('should keep each event on one data line', async () => {
        const event = { Content: 'one\ntwo\r\nthree \u2028 混元' };
        const res = await fetchRaw(
          await serveActions(express, {
            ChatCompletions: () => streamResult([event]),
          }),
        );
        expect(res.text.split('\n')).toHaveLength(3);
        expect(dataOf(res.text)).toEqual([event]);
      });
    });

    describe('when an event holds a BigInt', () => {
      it('should write it as an exact JSON number', async () => {
        const res = await fetchRaw(
          await serveActions(express, {
            ChatCompletions: () => streamResult([{ Size: 2n ** 64n - 1n }]),
          }),
        );
        expect(res.text).toBe('data: {"Size":18446744073709551615}\n\n');
      });
    });

    describe('when the events are a plain array', () => {
      it('should stream each item', async () => {
        const res = await fetchRaw(
          await serveActions(express, {
            ChatCompletions: () => streamResult([{ N: 1 }, { N: 2 }]),
          }),
        );
        expect(dataOf(res.text)).toEqual([{ N: 1 }, { N: 2 }]);
      });
    });

    describe('when the stream has no events', () => {
      it('should answer an empty event stream', async () => {
        const res = await fetchRaw(
          await serveActions(express, {
            ChatCompletions: () => streamResult([]),
          }),
        );
        expect(res.headers['content-type']).toBe('text/event-stream');
        expect(res.text).toBe('');
      });
    });

    describe('when the handler set another status before streaming', () => {
      it('should still answer on HTTP 200', async () => {
        const res = await fetchRaw(
          await serveActions(express, {
            ChatCompletions: (_params, { res: response }) => {
              response.status(201);
              return streamResult(words('a'));
            },
          }),
        );
        expect(res.status).toBe(200);
      });
    });

    describe('when the handler returns an array without streamResult()', () => {
      it('should answer the ordinary success envelope', async () => {
        const res = await fetchRaw(
          await serveActions(express, { ChatCompletions: () => [1, 2] }),
        );
        expect(res.headers['content-type']).toBe('application/json');
        expect(JSON.parse(res.text).Response.Data).toEqual([1, 2]);
      });
    });
  });

  describe('an action that streams only when asked to', () => {
    const actions = {
      ChatCompletions: (params: { Stream?: boolean }) =>
        params.Stream
          ? streamResult(words('a', 'b'))
          : { Choices: [{ Message: 'a b' }] },
    };

    describe('when Stream is true', () => {
      it('should answer an event stream', async () => {
        const res = await fetchRaw(await serveActions(express, actions), {
          body: '{"Stream":true}',
        });
        expect(res.headers['content-type']).toBe('text/event-stream');
        expect(dataOf(res.text)).toEqual([{ Delta: 'a' }, { Delta: 'b' }]);
      });
    });

    describe.each([
      ['false', '{"Stream":false}'],
      ['absent', '{}'],
    ])('when Stream is %s', (_case, body) => {
      it('should answer the JSON envelope', async () => {
        const res = await fetchRaw(await serveActions(express, actions), {
          body,
        });
        expect(res.headers['content-type']).toBe('application/json');
        const rid = res.headers['x-tc-requestid'];
        expect(JSON.parse(res.text)).toEqual({
          Response: { Choices: [{ Message: 'a b' }], RequestId: rid },
        });
      });
    });
  });

  describe('sendStream() in a plain route', () => {
    function plainApp() {
      const app = express();
      app.use(tcapi());
      app.post(
        '/chat',
        asyncHandler((req, res) => sendStream(req, res, words('x', 'y'))),
      );
      app.use(tcapiFinish());
      return app;
    }

    describe('when the route sends a stream', () => {
      it('should answer text/event-stream with the request id', async () => {
        const served = await serve(plainApp());
        const res = await fetchRaw(served, { action: null, path: '/chat' });
        expect(res.headers['content-type']).toBe('text/event-stream');
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['x-tc-requestid']).toMatch(UUID_V4);
      });

      it('should write each event as a data line', async () => {
        const served = await serve(plainApp());
        const res = await fetchRaw(served, { action: null, path: '/chat' });
        expect(res.text).toBe('data: {"Delta":"x"}\n\ndata: {"Delta":"y"}\n\n');
      });
    });

    describe('when the request is HEAD', () => {
      it('should send the headers alone', async () => {
        const app = express();
        app.use(tcapi());
        app.get(
          '/chat',
          asyncHandler((req, res) => sendStream(req, res, words('x'))),
        );
        app.use(tcapiFinish());
        const served = await serve(app);
        const res = await fetchRaw(served, {
          action: null,
          method: 'HEAD',
          path: '/chat',
          body: '',
        });
        expect(res.headers['content-type']).toBe('text/event-stream');
        expect(res.text).toBe('');
      });
    });
  });
});
