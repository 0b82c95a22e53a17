import { setTimeout as delay } from 'node:timers/promises';
import type { Express } from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  actionRouter,
  tcapi,
  tcapiFinish,
  type TcapiOptions,
} from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

// Rejections the process saw with nobody handling them, while a test ran.
let unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);

beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', record);
});

afterEach(() => {
  process.off('unhandledRejection', record);
});

// Node reports an unhandled rejection once the microtask queue drains;
// a few turns of the event loop are enough for it to show.
const settle = () => delay(25);

type Hook = NonNullable<TcapiOptions['onError']>;

const HOOKS: ReadonlyArray<readonly [string, () => Hook]> = [
  [
    'an async hook that throws',
    () => async () => {
      throw new Error('log sink down');
    },
  ],
  [
    'a hook returning a rejected promise',
    () => () => Promise.reject(new Error('log sink down')),
  ],
  [
    'a hook returning a thenable that rejects',
    () => () => ({
      then: (_ok: unknown, fail: (e: unknown) => void) =>
        fail(new Error('down')),
    }),
  ],
  [
    'a hook that throws synchronously',
    () => () => {
      throw new Error('log sink down');
    },
  ],
];

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const failingApp = (onError: Hook, options: TcapiOptions = {}): Express =>
    tcapiApp(
      express,
      (a) => {
        a.post('/', () => {
          throw new Error('disk full');
        });
        a.get('/ok', (_req, res) => res.json({ Alive: true }));
      },
      { ...options, onError: onError as Hook },
    );

  describe.each(HOOKS)('the onError hook, when it is %s', (_kind, makeHook) => {
    it('should still answer the InternalError envelope', async () => {
      const res = await request(failingApp(makeHook())).post('/');
      expectError(res, 'InternalError', 200, 'An internal error occurred.');
    });

    it('should cause no unhandled rejection', async () => {
      // Counted by hand: a vi.fn() spy awaits what it returns, which
      // would hide the very rejection under test.
      const hook = makeHook();
      let calls = 0;
      const counted: Hook = (...args) => {
        calls += 1;
        return hook(...args);
      };
      const res = await request(failingApp(counted)).post('/');
      await settle();
      expectError(res, 'InternalError', 200);
      expect(calls).toBe(1);
      expect(unhandled).toEqual([]);
    });

    it('should leave the server answering the next requests', async () => {
      const app = failingApp(makeHook());
      const first = await request(app).post('/');
      await settle();
      const second = await request(app).post('/');
      const third = await request(app).get('/ok');
      expectError(first, 'InternalError', 200);
      expectError(second, 'InternalError', 200);
      expect(second.body.Response.RequestId).not.toBe(
        first.body.Response.RequestId,
      );
      expect(third.status).toBe(200);
      expect(third.headers['content-type']).toBe('application/json');
      expect(third.body.Response.Alive).toBe(true);
      expect(third.body.Response.RequestId).toBe(
        third.headers['x-tc-requestid'],
      );
      expect(unhandled).toEqual([]);
    });

    it('should still answer 500 in semantic mode', async () => {
      const res = await request(
        failingApp(makeHook(), { httpStatus: 'semantic' }),
      ).post('/');
      await settle();
      expectError(res, 'InternalError', 500);
      expect(unhandled).toEqual([]);
    });
  });

  describe('the onError hook given to tcapiFinish() alone', () => {
    describe('when it is async and throws for an actionRouter failure', () => {
      it('should cause no unhandled rejection', async () => {
        const seen: unknown[][] = [];
        const hook: Hook = async (...args) => {
          seen.push(args);
          throw new Error('log sink down');
        };
        const app = express();
        app.use(tcapi());
        app.use(
          actionRouter({
            versions: {
              '2017-03-12': {
                Crash: () => {
                  throw new TypeError('boom');
                },
              },
            },
          }),
        );
        app.use(tcapiFinish({ onError: hook }));
        const res = await request(app)
          .post('/')
          .set('Content-Type', 'application/json')
          .set('X-TC-Action', 'Crash')
          .set('X-TC-Version', '2017-03-12')
          .send('{}');
        await settle();
        expectError(res, 'InternalError', 200);
        expect(seen).toHaveLength(1);
        expect(seen[0]?.[0]).toBeInstanceOf(TypeError);
        expect(seen[0]?.[1]).toMatchObject({
          requestId: res.body.Response.RequestId,
        });
        expect(unhandled).toEqual([]);
      });
    });
  });

  describe('an async onError hook that throws', () => {
    describe('when the failure came after the response had started', () => {
      it('should cause no unhandled rejection and call the hook once', async () => {
        const seen: unknown[][] = [];
        const hook: Hook = async (...args) => {
          seen.push(args);
          throw new Error('log sink down');
        };
        const app = tcapiApp(
          express,
          (a) =>
            a.get('/', (_req, res, next) => {
              res.setHeader('Content-Type', 'text/plain');
              res.write('partial');
              next(new ApiError('InternalError'));
            }),
          { onError: hook },
        );
        await request(app)
          .get('/')
          .catch(() => undefined);
        await settle();
        expect(seen).toHaveLength(1);
        expect(seen[0]?.[1]).toMatchObject({ afterHeadersSent: true });
        expect(unhandled).toEqual([]);
      });
    });
  });
});
