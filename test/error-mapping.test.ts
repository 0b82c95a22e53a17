import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { asyncHandler } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  express5,
  tcapiApp,
} from './helpers/express-versions.js';

const GENERIC = 'An internal error occurred.';

// K2: values that are not errors, each with text that must not leak.
const NOT_ERRORS: ReadonlyArray<readonly [string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['0', 0],
  ['a string holding a password', 'db password=hunter2'],
  ['a plain object with a status', { status: 400, message: 'bad' }],
];

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('asyncHandler()', () => {
    describe.each(NOT_ERRORS)(
      'when the handler rejects with %s',
      (_kind, value) => {
        it('should answer InternalError with the generic message', async () => {
          const app = tcapiApp(express, (a) => {
            a.post(
              '/',
              asyncHandler(async () => Promise.reject(value)),
            );
          });
          const res = await request(app).post('/');
          expectError(res, 'InternalError', 200, GENERIC);
          expect(res.text).not.toContain('hunter2');
        });
      },
    );

    describe.each(NOT_ERRORS)(
      'when the handler throws %s synchronously',
      (_kind, value) => {
        it('should answer InternalError with the generic message', async () => {
          const app = tcapiApp(express, (a) => {
            a.post(
              '/',
              asyncHandler(() => {
                throw value;
              }),
            );
          });
          const res = await request(app).post('/');
          expectError(res, 'InternalError', 200, GENERIC);
        });
      },
    );
  });

  describe('a plain route', () => {
    // Express reads a falsy thrown value as "no error" and moves on to the
    // next route, so the request ends at the not-found fallback. Pinned
    // here: only asyncHandler() turns it into InternalError.
    describe('when it throws undefined synchronously', () => {
      it('should fall through to the not-found fallback: InvalidAction', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', () => {
            throw undefined;
          });
        });
        const res = await request(app).post('/');
        expectError(res, 'InvalidAction', 200);
      });

      it('should answer 404 in semantic mode, like any unknown route', async () => {
        const app = tcapiApp(
          express,
          (a) => {
            a.post('/', () => {
              throw undefined;
            });
          },
          { httpStatus: 'semantic' },
        );
        const res = await request(app).post('/');
        expectError(res, 'InvalidAction', 404);
      });
    });

    describe('when it throws a string holding a password', () => {
      it('should answer InternalError without the string', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', () => {
            throw 'db password=hunter2';
          });
        });
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 200, GENERIC);
        expect(res.text).not.toContain('hunter2');
      });
    });

    describe('when it passes a plain object to next()', () => {
      it('should not trust its status or message', async () => {
        const app = tcapiApp(
          express,
          (a) =>
            a.post('/', (_req, _res, next) =>
              next({ status: 400, message: 'bad' }),
            ),
          { httpStatus: 'semantic' },
        );
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 500, GENERIC);
      });
    });
  });
});

describe('Express 5', () => {
  describe('an async route without asyncHandler()', () => {
    describe.each(NOT_ERRORS)('when it rejects with %s', (_kind, value) => {
      it('should answer InternalError with the generic message', async () => {
        const app = tcapiApp(express5, (a) => {
          a.post('/', async () => {
            throw value;
          });
        });
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 200, GENERIC);
        expect(res.text).not.toContain('hunter2');
      });
    });
  });
});
