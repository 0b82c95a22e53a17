import createError from 'http-errors';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiError, type TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const failWith = (error: () => unknown, options?: TcapiOptions) =>
    tcapiApp(
      express,
      (a) => a.post('/', (_req, _res, next) => next(error())),
      options,
    );

  describe('an ApiError with a sub-code', () => {
    const subCode = () => new ApiError('ResourceNotFound.InstanceNotFound');

    it('should keep the sub-code and take the category default message', async () => {
      const res = await request(failWith(subCode)).post('/');
      expectError(
        res,
        'ResourceNotFound.InstanceNotFound',
        200,
        'The resource does not exist.',
      );
    });

    it("should take the category's 404 in semantic mode", async () => {
      const app = failWith(subCode, { httpStatus: 'semantic' });
      const res = await request(app).post('/');
      expectError(res, 'ResourceNotFound.InstanceNotFound', 404);
    });
  });

  describe('X-TC-Language', () => {
    describe('when it is zh-CN', () => {
      it('should send the Chinese default message', async () => {
        const app = failWith(() => new ApiError('ResourceNotFound'));
        const res = await request(app).post('/').set('X-TC-Language', 'zh-CN');
        expectError(res, 'ResourceNotFound', 200, '资源不存在。');
      });

      it('should send the Chinese generic message for an unknown failure', async () => {
        const app = failWith(() => new Error('socket hang up on 10.0.0.7'));
        const res = await request(app).post('/').set('X-TC-Language', 'zh-cn');
        expectError(res, 'InternalError', 200, '内部错误。');
      });

      it('should keep a message the error chose', async () => {
        const app = failWith(
          () => new ApiError('ResourceNotFound', 'no ins-1'),
        );
        const res = await request(app).post('/').set('X-TC-Language', 'zh-CN');
        expectError(res, 'ResourceNotFound', 200, 'no ins-1');
      });
    });

    describe('when it is en-US or absent', () => {
      it.each([['en-US'], ['fr-FR'], [undefined]])(
        'should send English for %s',
        async (lang) => {
          const app = failWith(() => new ApiError('ResourceNotFound'));
          const req = request(app).post('/');
          const res = await (lang === undefined
            ? req
            : req.set('X-TC-Language', lang));
          expectError(
            res,
            'ResourceNotFound',
            200,
            'The resource does not exist.',
          );
        },
      );
    });
  });

  describe('error headers', () => {
    const unsafe = {
      'Content-Type': 'text/html',
      'Content-Length': '1',
      'X-TC-RequestId': 'spoofed-1',
      'X-Note': 'a\r\nSet-Cookie: sid=1',
      'Bad Name': 'x',
      'X-Quota': 5,
    };

    describe.each([
      [
        'an ApiError',
        'LimitExceeded',
        () => new ApiError('LimitExceeded', 'quota', { headers: unsafe }),
      ],
      [
        'an http-errors error',
        'InvalidParameter',
        () => createError(400, 'quota', { headers: unsafe }),
      ],
    ])('when %s asks for unsafe headers', (_kind, code, error) => {
      it('should drop them and keep the safe ones', async () => {
        const res = await request(failWith(error)).post('/');
        expectError(res, code, 200, 'quota');
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.headers['x-tc-requestid']).toMatch(UUID_V4);
        expect(res.headers['x-note']).toBeUndefined();
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(res.headers['bad name']).toBeUndefined();
        expect(res.headers['x-quota']).toBe('5');
        expect(res.headers['content-length']).toBe(
          String(Buffer.byteLength(res.text)),
        );
      });
    });
  });
});
