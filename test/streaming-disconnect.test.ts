import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import {
  asyncHandler,
  disconnectSignal,
  sendStream,
  streamResult,
  tcapi,
  tcapiFinish,
  type ActionContext,
} from 'express-tcapi';
import { actionApp } from './helpers/action-app.js';
import { EXPRESS_VERSIONS } from './helpers/express-versions.js';
import {
  fetchRaw,
  open,
  pause,
  send,
  servePerTest,
  until,
} from './helpers/sse.js';

const serve = servePerTest();

/** Reads until `count` events arrived, then hangs up. */
async function readThenLeave(res: IncomingMessage, count: number) {
  res.setEncoding('utf8');
  let text = '';
  for await (const chunk of res) {
    text += chunk as string;
    if (text.split('\n\n').length > count) break;
  }
  res.destroy();
}

/** Endless events, one every 5 ms, counting what it produced. */
function ticker(signal?: AbortSignal) {
  const state = { produced: 0, stopped: false };
  async function* events() {
    try {
      for (;;) {
        state.produced += 1;
        yield { N: state.produced };
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (signal?.aborted) return;
      }
    } finally {
      state.stopped = true;
    }
  }
  return { state, events };
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('a stream whose client goes away', () => {
    describe('when the client hangs up after three events', () => {
      it('should stop the producer', async () => {
        const { state, events } = ticker();
        const served = await serve(
          actionApp(express, { ChatCompletions: () => streamResult(events()) }),
        );
        await readThenLeave(await open(served), 3);
        await until(() => state.stopped);
        const produced = state.produced;
        await pause(50);
        expect(state.produced).toBe(produced);
      });

      it('should abort the handler signal', async () => {
        let signal: AbortSignal | undefined;
        const { events } = ticker();
        const served = await serve(
          actionApp(express, {
            ChatCompletions: (_params, context: ActionContext) => {
              signal = context.signal;
              return streamResult(events());
            },
          }),
        );
        await readThenLeave(await open(served), 3);
        await until(() => signal?.aborted === true);
        expect(signal?.aborted).toBe(true);
      });
    });

    describe('when the producer waits on something that ignores the signal', () => {
      it('should let go of the response at once', async () => {
        const settled = vi.fn();
        let release: () => void = () => undefined;
        const stuck = new Promise<void>((resolve) => {
          release = resolve;
        });
        const stopped = vi.fn();
        async function* events() {
          try {
            yield { N: 1 };
            await stuck;
            yield { N: 2 };
          } finally {
            stopped();
          }
        }
        const app = express();
        app.use(tcapi());
        app.post(
          '/chat',
          asyncHandler((req, res) =>
            sendStream(req, res, events()).then(settled),
          ),
        );
        app.use(tcapiFinish());
        const served = await serve(app);
        await readThenLeave(
          await open(served, { action: null, path: '/chat' }),
          1,
        );
        await until(() => settled.mock.calls.length === 1);
        expect(stopped).not.toHaveBeenCalled();
        release();
        await until(() => stopped.mock.calls.length === 1);
      });
    });

    describe('when the producer throws once the signal aborts', () => {
      it('should report nothing', async () => {
        const onError = vi.fn();
        let aborted = false;
        const served = await serve(
          actionApp(
            express,
            {
              ChatCompletions: (_params, { signal }) =>
                streamResult(
                  (async function* events() {
                    yield { N: 1 };
                    await new Promise((_resolve, reject) =>
                      signal.addEventListener('abort', () => {
                        aborted = true;
                        reject(signal.reason);
                      }),
                    );
                  })(),
                ),
            },
            { onError },
          ),
        );
        await readThenLeave(await open(served), 1);
        await until(() => aborted);
        await pause(20);
        expect(onError).not.toHaveBeenCalled();
      });
    });
  });

  describe('a request whose client goes away before any answer', () => {
    describe('when the handler is still working', () => {
      it('should abort the handler signal', async () => {
        const seen = vi.fn();
        const served = await serve(
          actionApp(express, {
            DescribeInstances: (_params, { signal }) =>
              new Promise((resolve) =>
                signal.addEventListener('abort', () => {
                  seen();
                  resolve({});
                }),
              ),
          }),
        );
        const req = send(served, { action: 'DescribeInstances' });
        req.on('error', () => undefined);
        await pause(30);
        req.destroy();
        await until(() => seen.mock.calls.length === 1);
      });
    });
  });

  describe('a response sent in full', () => {
    describe('when it was a stream', () => {
      it('should leave the handler signal unaborted', async () => {
        let signal: AbortSignal | undefined;
        const served = await serve(
          actionApp(express, {
            ChatCompletions: (_params, context) => {
              signal = context.signal;
              return streamResult([{ N: 1 }, { N: 2 }]);
            },
          }),
        );
        await fetchRaw(served);
        await pause(20);
        expect(signal?.aborted).toBe(false);
      });
    });

    describe('when it was an envelope', () => {
      it('should leave the handler signal unaborted', async () => {
        let signal: AbortSignal | undefined;
        const served = await serve(
          actionApp(express, {
            DescribeInstances: (_params, context) => {
              signal = context.signal;
              return { TotalCount: 0 };
            },
          }),
        );
        await fetchRaw(served, { action: 'DescribeInstances' });
        await pause(20);
        expect(signal?.aborted).toBe(false);
      });
    });
  });

  describe('disconnectSignal()', () => {
    describe('when asked twice for one response', () => {
      it('should give the same signal', async () => {
        const app = express();
        let same = false;
        app.get('/', (_req, res) => {
          same = disconnectSignal(res) === disconnectSignal(res);
          res.json({});
        });
        const served = await serve(app);
        await fetchRaw(served, { action: null, method: 'GET', body: '' });
        expect(same).toBe(true);
      });
    });

    describe('when asked after the response closed', () => {
      it('should give a signal that is not aborted', async () => {
        const app = express();
        let late: AbortSignal | undefined;
        app.get('/', (_req, res) => {
          res.on('close', () => {
            late = disconnectSignal(res);
          });
          res.end('ok');
        });
        const served = await serve(app);
        await fetchRaw(served, { action: null, method: 'GET', body: '' });
        await until(() => late !== undefined);
        expect(late?.aborted).toBe(false);
      });
    });
  });
});
