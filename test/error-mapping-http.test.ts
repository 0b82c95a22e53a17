import createError from 'http-errors';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { HttpStatusPolicy } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

const MODES: ReadonlyArray<readonly [HttpStatusPolicy, number]> = [
  ['compatible', 200],
  ['semantic', 429],
];

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const failWith = (
    error: unknown,
    httpStatus: HttpStatusPolicy = 'compatible',
  ) =>
    tcapiApp(express, (a) => a.post('/', (_req, _res, next) => next(error)), {
      httpStatus,
    });

  describe('tcapiErrorHandler()', () => {
    describe('when given createError(400) with a message', () => {
      it('should answer InvalidParameter with that message', async () => {
        const app = failWith(createError(400, 'Limit must be <= 100'));
        const res = await request(app).post('/');
        expectError(res, 'InvalidParameter', 200, 'Limit must be <= 100');
      });

      it('should answer 400 in semantic mode', async () => {
        const app = failWith(
          createError(400, 'Limit must be <= 100'),
          'semantic',
        );
        const res = await request(app).post('/');
        expectError(res, 'InvalidParameter', 400, 'Limit must be <= 100');
      });
    });

    describe('when given createError(503) naming an internal host', () => {
      it('should answer ServiceUnavailable with the generic message', async () => {
        const app = failWith(
          createError(503, 'pool exhausted on db-primary:5432'),
        );
        const res = await request(app).post('/');
        expectError(
          res,
          'ServiceUnavailable',
          200,
          'The service is temporarily unavailable.',
        );
        expect(res.text).not.toContain('db-primary');
      });

      it('should answer 503 in semantic mode', async () => {
        const app = failWith(
          createError(503, 'pool exhausted on db-primary:5432'),
          'semantic',
        );
        const res = await request(app).post('/');
        expectError(res, 'ServiceUnavailable', 503);
        expect(res.text).not.toContain('db-primary');
      });
    });

    describe.each(MODES)(
      'when given createError(429) with Retry-After in %s mode',
      (mode, status) => {
        it('should answer RequestLimitExceeded and keep Retry-After: 7', async () => {
          const headers = { 'Retry-After': '7' };
          const error = createError(429, 'slow down', { headers });
          const res = await request(failWith(error, mode)).post('/');
          expectError(res, 'RequestLimitExceeded', status, 'slow down');
          expect(res.headers['retry-after']).toBe('7');
        });
      },
    );

    describe('when given an Error with a statusCode and no status', () => {
      it('should map the statusCode', async () => {
        const error = Object.assign(new Error('no such disk'), {
          statusCode: 404,
        });
        const res = await request(failWith(error, 'semantic')).post('/');
        expectError(
          res,
          'ResourceNotFound',
          404,
          'The resource does not exist.',
        );
      });
    });

    describe('when given a 5xx error that claims expose: true', () => {
      it('should send the message it chose to expose', async () => {
        const error = createError(502, 'upstream said no', { expose: true });
        const res = await request(failWith(error)).post('/');
        expectError(res, 'InternalError', 200, 'upstream said no');
      });
    });

    describe.each([['EACCES'], [99], [42.5], ['404'], [700], [302]])(
      'when given an Error whose status is %j',
      (status) => {
        const error = () =>
          Object.assign(new Error('open /etc/shadow'), { status });

        it('should answer InternalError with the generic message', async () => {
          const res = await request(failWith(error())).post('/');
          expectError(res, 'InternalError', 200, 'An internal error occurred.');
        });

        it('should answer 500 in semantic mode without crashing', async () => {
          const app = failWith(error(), 'semantic');
          const res = await request(app).post('/');
          expectError(res, 'InternalError', 500, 'An internal error occurred.');
          const again = await request(app).post('/');
          expectError(again, 'InternalError', 500);
        });
      },
    );
  });
});
