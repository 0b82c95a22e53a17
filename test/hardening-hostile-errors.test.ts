import { inspect } from 'node:util';
import createDebug from 'debug';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asyncHandler, type TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

class StatusBomb extends Error {
  get status(): number {
    throw new Error('secret-in-status');
  }
}

const revokedProxy = () => {
  const { proxy, revoke } = Proxy.revocable(new Error('secret-in-revoked'), {});
  revoke();
  return proxy;
};

const inspectBomb = () =>
  Object.assign(new Error('secret-in-message'), {
    [inspect.custom]() {
      throw new Error('secret-in-inspect');
    },
  });

// Values a handler may throw that blow up when looked at.
const HOSTILE: ReadonlyArray<readonly [string, () => unknown]> = [
  [
    'a Proxy whose every property read throws',
    () =>
      new Proxy(
        {},
        {
          get() {
            throw new Error('secret-in-proxy');
          },
        },
      ),
  ],
  [
    'a Proxy of an Error whose traps all throw',
    () =>
      new Proxy(new Error('secret-in-target'), {
        get() {
          throw new Error('secret-in-proxy');
        },
        getPrototypeOf() {
          throw new Error('secret-in-proto');
        },
        has() {
          throw new Error('secret-in-has');
        },
      }),
  ],
  ['a revoked Proxy', revokedProxy],
  [
    'an Error subclass whose status getter throws',
    () => new StatusBomb('secret-in-message'),
  ],
  [
    'an Error whose headers getter throws',
    () =>
      Object.defineProperty(
        Object.assign(new Error('secret-in-message'), { status: 429 }),
        'headers',
        {
          get() {
            throw new Error('secret-in-headers');
          },
        },
      ),
  ],
  [
    'an object whose then getter throws',
    () => ({
      get then() {
        throw new Error('secret-in-then');
      },
    }),
  ],
  ['an Error whose util.inspect.custom throws', inspectBomb],
];

const ENABLED = 'express-tcapi:*';
const originalLog = createDebug.log;

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const throwingApp = (value: () => unknown, options?: TcapiOptions) =>
    tcapiApp(
      express,
      (a) => {
        a.post('/sync', () => {
          throw value();
        });
        a.post('/next', (_req, _res, next) => next(value()));
        a.post(
          '/async',
          asyncHandler(async () => {
            throw value();
          }),
        );
      },
      options,
    );

  const expectSafe = (res: request.Response, status = 200) => {
    expectError(res, 'InternalError', status, 'An internal error occurred.');
    expect(res.text).not.toContain('secret');
    expect(res.text).not.toMatch(/<html|<pre|\n\s+at /i);
  };

  describe.each([
    ['with debug output off', false],
    ['with debug output on', true],
  ])('the error handler, %s', (_mode, debugOn) => {
    beforeEach(() => {
      if (!debugOn) return;
      createDebug.log = () => undefined;
      createDebug.enable(ENABLED);
    });

    afterEach(() => {
      if (!debugOn) return;
      createDebug.disable();
      createDebug.log = originalLog;
    });

    describe.each(HOSTILE)('when a handler throws %s', (_kind, value) => {
      it('should answer InternalError from a plain handler', async () => {
        const res = await request(throwingApp(value)).post('/sync');
        expectSafe(res);
      });

      it('should answer InternalError for next(value)', async () => {
        const res = await request(throwingApp(value)).post('/next');
        expectSafe(res);
      });

      it('should answer InternalError from an asyncHandler', async () => {
        const res = await request(throwingApp(value)).post('/async');
        expectSafe(res);
      });

      it('should answer 500 in semantic mode', async () => {
        const res = await request(
          throwingApp(value, { httpStatus: 'semantic' }),
        ).post('/next');
        expectSafe(res, 500);
      });

      it('should still hand the value to onError', async () => {
        const seen: unknown[] = [];
        const app = throwingApp(value, {
          onError: (error) => void seen.push(error),
        });
        const res = await request(app).post('/next');
        expectSafe(res);
        expect(seen).toHaveLength(1);
      });
    });
  });

  describe('the debug output, when enabled', () => {
    afterEach(() => {
      createDebug.disable();
      createDebug.log = originalLog;
    });

    describe('when an error with a throwing util.inspect.custom fails a request', () => {
      it('should have tried to log it, and answered InternalError', async () => {
        const lines: unknown[][] = [];
        createDebug.log = (...args: unknown[]) => void lines.push(args);
        createDebug.enable(ENABLED);
        const ok = new Error('plain failure');
        const plain = await request(throwingApp(() => ok)).post('/next');
        expectError(plain, 'InternalError', 200);
        expect(lines.length).toBeGreaterThan(0);
        const res = await request(throwingApp(inspectBomb)).post('/next');
        expectSafe(res);
      });
    });
  });
});
