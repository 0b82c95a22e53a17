import { describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  asyncHandler,
  sendStream,
  streamResult,
  tcapi,
  tcapiFinish,
  type ActionTable,
  type TcapiOptions,
} from 'express-tcapi';
import { actionApp } from './helpers/action-app.js';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  type ExpressFactory,
} from './helpers/express-versions.js';
import {
  dataOf,
  fetchRaw,
  servePerTest,
  until,
  type RawResponse,
} from './helpers/sse.js';

const serve = servePerTest();

async function call(
  express: ExpressFactory,
  actions: ActionTable,
  options?: TcapiOptions,
  headers?: Record<string, string>,
) {
  const served = await serve(actionApp(express, actions, options));
  return fetchRaw(served, { headers });
}

/** Asserts an error envelope of `code` and returns its message. */
function expectEnvelopeError(res: RawResponse, code: string): string {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json');
  const body = JSON.parse(res.text);
  expect(body.Response.Error.Code).toBe(code);
  expect(body.Response.RequestId).toBe(res.headers['x-tc-requestid']);
  expect(body.Response.RequestId).toMatch(UUID_V4);
  return body.Response.Error.Message;
}

const failing = (error: unknown, after: number) =>
  async function* events() {
    for (let n = 0; n < after; n += 1) yield { N: n };
    throw error;
  };

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('a stream that fails before its first event', () => {
    describe('when the producer throws an ApiError', () => {
      it('should answer the ordinary error envelope', async () => {
        const error = new ApiError('LimitExceeded', 'Too many chats.');
        const res = await call(express, {
          ChatCompletions: () => streamResult(failing(error, 0)()),
        });
        const message = expectEnvelopeError(res, 'LimitExceeded');
        expect(message).toBe('Too many chats.');
      });
    });

    describe('when the producer throws an unexpected error', () => {
      it('should answer InternalError without its message', async () => {
        const res = await call(express, {
          ChatCompletions: () =>
            streamResult(failing(new Error('db password wrong'), 0)()),
        });
        const message = expectEnvelopeError(res, 'InternalError');
        expect(message).not.toContain('password');
      });

      it('should tell onError before the headers went out', async () => {
        const onError = vi.fn();
        const error = new Error('boom');
        const res = await call(
          express,
          { ChatCompletions: () => streamResult(failing(error, 0)()) },
          { onError },
        );
        expect(onError).toHaveBeenCalledTimes(1);
        expect(onError).toHaveBeenCalledWith(
          error,
          expect.objectContaining({
            requestId: res.headers['x-tc-requestid'],
            code: 'InternalError',
            afterHeadersSent: false,
          }),
        );
      });
    });

    describe('when a parameter fails the schema', () => {
      it('should answer its code and never start the producer', async () => {
        const started = vi.fn();
        async function* events() {
          started();
          yield { N: 1 };
        }
        const served = await serve(
          actionApp(express, {
            ChatCompletions: {
              params: {
                type: 'object',
                properties: { Temperature: { type: 'number', maximum: 2 } },
              },
              handler: () => streamResult(events()),
            },
          }),
        );
        const res = await fetchRaw(served, { body: '{"Temperature":3}' });
        expectEnvelopeError(res, 'InvalidParameterValue');
        expect(started).not.toHaveBeenCalled();
      });
    });

    describe('when the first event has no JSON form', () => {
      it('should answer InternalError', async () => {
        const cycle: Record<string, unknown> = {};
        cycle.Self = cycle;
        const res = await call(express, {
          ChatCompletions: () => streamResult([cycle]),
        });
        expectEnvelopeError(res, 'InternalError');
      });

      it('should stop the producer', async () => {
        const stopped = vi.fn();
        async function* events() {
          try {
            yield () => 'no JSON form';
          } finally {
            stopped();
          }
        }
        const res = await call(express, {
          ChatCompletions: () => streamResult(events()),
        });
        expectEnvelopeError(res, 'InternalError');
        await until(() => stopped.mock.calls.length === 1);
      });
    });

    describe('when streamResult() is given something not iterable', () => {
      it('should answer InternalError', async () => {
        const res = await call(express, {
          ChatCompletions: () => streamResult(42 as unknown as number[]),
        });
        expectEnvelopeError(res, 'InternalError');
      });
    });
  });

  describe('a stream that fails after its first event', () => {
    describe('when the producer throws an ApiError', () => {
      it('should end with the error envelope as the last event', async () => {
        const error = new ApiError('FailedOperation', 'The reply broke off.');
        const res = await call(express, {
          ChatCompletions: () => streamResult(failing(error, 2)()),
        });
        const rid = res.headers['x-tc-requestid'];
        expect(res.text).toBe(
          'data: {"N":0}\n\ndata: {"N":1}\n\n' +
            `data: {"Response":{"Error":{"Code":"FailedOperation","Message":"The reply broke off."},"RequestId":"${rid}"}}\n\n`,
        );
      });

      it('should keep the event-stream headers', async () => {
        const res = await call(express, {
          ChatCompletions: () =>
            streamResult(failing(new ApiError('FailedOperation'), 1)()),
        });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
      });
    });

    describe('when the producer throws an unexpected error', () => {
      it('should send InternalError with the default message only', async () => {
        const res = await call(express, {
          ChatCompletions: () =>
            streamResult(failing(new Error('secret detail'), 1)()),
        });
        const last = dataOf(res.text).at(-1) as {
          Response: { Error: { Code: string; Message: string } };
        };
        expect(last.Response.Error.Code).toBe('InternalError');
        expect(last.Response.Error.Message).not.toContain('secret');
      });

      it('should tell onError once, after the headers went out', async () => {
        const onError = vi.fn();
        const error = new Error('boom');
        const res = await call(
          express,
          { ChatCompletions: () => streamResult(failing(error, 1)()) },
          { onError },
        );
        await until(() => onError.mock.calls.length > 0);
        expect(onError).toHaveBeenCalledTimes(1);
        expect(onError).toHaveBeenCalledWith(
          error,
          expect.objectContaining({
            requestId: res.headers['x-tc-requestid'],
            code: 'InternalError',
            afterHeadersSent: true,
          }),
        );
      });
    });

    describe('when the caller asked for Chinese', () => {
      it('should send the default message in Chinese', async () => {
        const res = await call(
          express,
          {
            ChatCompletions: () =>
              streamResult(failing(new Error('boom'), 1)()),
          },
          undefined,
          { 'X-TC-Language': 'zh-CN' },
        );
        const last = dataOf(res.text).at(-1) as {
          Response: { Error: { Message: string } };
        };
        expect(last.Response.Error.Message).toMatch(/[\u4e00-\u9fff]/);
      });
    });

    describe('when the stream has its own errorEvent', () => {
      it('should send the event it builds from the failure', async () => {
        const res = await call(express, {
          ChatCompletions: () =>
            streamResult(
              failing(new ApiError('FailedOperation', 'late'), 1)(),
              {
                errorEvent: (failure) => ({ ErrorMsg: failure }),
              },
            ),
        });
        expect(dataOf(res.text).at(-1)).toEqual({
          ErrorMsg: {
            code: 'FailedOperation',
            message: 'late',
            requestId: res.headers['x-tc-requestid'],
          },
        });
      });

      it('should fall back to the error envelope when it throws', async () => {
        const res = await call(express, {
          ChatCompletions: () =>
            streamResult(failing(new ApiError('FailedOperation'), 1)(), {
              errorEvent: () => {
                throw new Error('bad formatter');
              },
            }),
        });
        const last = dataOf(res.text).at(-1) as {
          Response: { Error: { Code: string } };
        };
        expect(last.Response.Error.Code).toBe('FailedOperation');
      });
    });

    describe('when a later event has no JSON form', () => {
      it('should end with an InternalError event', async () => {
        const res = await call(express, {
          ChatCompletions: () => streamResult([{ N: 1 }, undefined, { N: 3 }]),
        });
        expect(dataOf(res.text)).toEqual([
          { N: 1 },
          {
            Response: {
              Error: { Code: 'InternalError', Message: expect.any(String) },
              RequestId: res.headers['x-tc-requestid'],
            },
          },
        ]);
      });

      it('should stop the producer', async () => {
        const stopped = vi.fn();
        async function* events() {
          try {
            yield { N: 1 };
            yield () => 'no JSON form';
            yield { N: 3 };
          } finally {
            stopped();
          }
        }
        await call(express, {
          ChatCompletions: () => streamResult(events()),
        });
        await until(() => stopped.mock.calls.length === 1);
      });
    });
  });

  describe('a stream returned after the response started', () => {
    describe('when the handler already wrote to the response', () => {
      it('should tell onError and never start the producer', async () => {
        const onError = vi.fn();
        const started = vi.fn();
        async function* events() {
          started();
          yield { N: 1 };
        }
        const served = await serve(
          actionApp(
            express,
            {
              ChatCompletions: (_params, { res }) => {
                res.write('raw');
                return streamResult(events());
              },
            },
            { onError },
          ),
        );
        await fetchRaw(served).catch(() => undefined);
        await until(() => onError.mock.calls.length > 0);
        expect(onError.mock.calls[0]?.[1]).toMatchObject({
          afterHeadersSent: true,
        });
        expect(started).not.toHaveBeenCalled();
      });
    });
  });

  describe('sendStream() in a plain route', () => {
    function plainApp(events: AsyncIterable<unknown>, options: TcapiOptions) {
      const app = express();
      app.use(tcapi(options));
      app.post(
        '/chat',
        asyncHandler((req, res) => sendStream(req, res, events)),
      );
      app.use(tcapiFinish(options));
      return app;
    }

    describe('when the producer fails before its first event', () => {
      it('should answer the error envelope through the error handler', async () => {
        const error = new ApiError('ResourceUnavailable');
        const served = await serve(plainApp(failing(error, 0)(), {}));
        const res = await fetchRaw(served, { action: null, path: '/chat' });
        expectEnvelopeError(res, 'ResourceUnavailable');
      });
    });

    describe('when the producer fails after its first event', () => {
      it('should end with the error event and tell onError', async () => {
        const onError = vi.fn();
        const served = await serve(
          plainApp(failing(new Error('boom'), 1)(), { onError }),
        );
        const res = await fetchRaw(served, { action: null, path: '/chat' });
        expect(dataOf(res.text)).toHaveLength(2);
        await until(() => onError.mock.calls.length > 0);
        expect(onError.mock.calls[0]?.[1]).toMatchObject({
          code: 'InternalError',
          afterHeadersSent: true,
        });
      });
    });
  });
});
