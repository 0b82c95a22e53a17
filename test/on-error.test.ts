import createError from 'http-errors';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, tcapi, tcapiFinish, type TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const failWith = (error: unknown, options: TcapiOptions) =>
    tcapiApp(
      express,
      (a) => a.post('/', (_req, _res, next) => next(error)),
      options,
    );

  describe('the onError option', () => {
    describe('when a server-side error happens', () => {
      it('should be told the error and the id the client got', async () => {
        const onError = vi.fn();
        const thrown = new Error('disk full on /var/lib/db');
        const res = await request(failWith(thrown, { onError })).post('/');
        const rid = res.headers['x-tc-requestid'];
        expectError(res, 'InternalError', 200);
        expect(onError).toHaveBeenCalledTimes(1);
        expect(onError).toHaveBeenCalledWith(thrown, {
          requestId: rid,
          code: 'InternalError',
          req: expect.objectContaining({ method: 'POST' }),
          afterHeadersSent: false,
        });
      });

      it('should be told about a 503 that the client sees as generic', async () => {
        const onError = vi.fn();
        const thrown = createError(503, 'pool exhausted');
        const res = await request(failWith(thrown, { onError })).post('/');
        expectError(res, 'ServiceUnavailable', 200);
        expect(onError).toHaveBeenCalledWith(
          thrown,
          expect.objectContaining({
            code: 'ServiceUnavailable',
            requestId: res.body.Response.RequestId,
          }),
        );
      });
    });

    describe.each([
      [
        'an ApiError client error',
        () => new ApiError('InvalidParameter', 'bad Limit'),
      ],
      ['an http-errors 404', () => createError(404)],
      [
        'a sub-code of a client category',
        () => new ApiError('ResourceNotFound.Disk'),
      ],
    ])('when the failure is %s', (_kind, error) => {
      it('should not be called', async () => {
        const onError = vi.fn();
        const res = await request(failWith(error(), { onError })).post('/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(onError).not.toHaveBeenCalled();
      });
    });

    describe('when the hook throws', () => {
      it('should still answer the error envelope', async () => {
        const onError = () => {
          throw new Error('logger down');
        };
        const app = failWith(new Error('boom'), { onError });
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
        const again = await request(app).post('/');
        expectError(again, 'InternalError', 200);
      });
    });

    describe('when it is given to tcapiFinish() alone', () => {
      it('should be called even though tcapi() runs first', async () => {
        const onError = vi.fn();
        const app = express();
        app.use(tcapi());
        app.post('/', () => {
          throw new Error('boom');
        });
        app.use(tcapiFinish({ onError }));
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 200);
        expect(onError).toHaveBeenCalledWith(
          expect.any(Error),
          expect.objectContaining({ requestId: res.body.Response.RequestId }),
        );
      });
    });
  });
});
