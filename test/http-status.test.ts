import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type HttpStatusPolicy } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

const SEMANTIC_TABLE: ReadonlyArray<readonly [string, number]> = [
  ['AuthFailure.SignatureFailure', 401],
  ['AuthFailure.SecretIdNotFound', 401],
  ['AuthFailure.InvalidAuthorization', 401],
  ['AuthFailure.UnauthorizedOperation', 403],
  ['UnauthorizedOperation', 403],
  ['InvalidParameter', 400],
  ['InvalidParameterValue', 400],
  ['MissingParameter', 400],
  ['ResourceNotFound', 404],
  ['InvalidAction', 404],
  ['UnsupportedProtocol', 405],
  ['ResourceInUse', 409],
  ['RequestSizeLimitExceeded', 413],
  ['RequestLimitExceeded', 429],
  ['InternalError', 500],
  ['ServiceUnavailable', 503],
];

const SUB_CODES: ReadonlyArray<readonly [string, number]> = [
  ['AuthFailure.SomethingNew', 401],
  ['InvalidParameterValue.Limit', 400],
  ['ResourceNotFound.InstanceNotFound', 404],
  ['ResourceInUse.Disk', 409],
  ['RequestLimitExceeded.UinLimitExceeded', 429],
  ['InternalError.BackendTimeout', 500],
  ['OperationDenied.Locked', 403],
  ['SomeService.Custom', 400],
];

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const failWith = (error: () => unknown, httpStatus: HttpStatusPolicy) =>
    tcapiApp(express, (a) => a.post('/', (_req, _res, next) => next(error())), {
      httpStatus,
    });

  describe("httpStatus: 'semantic'", () => {
    describe.each(SEMANTIC_TABLE)('when the code is %s', (code, status) => {
      it(`should answer ${status}`, async () => {
        const res = await request(
          failWith(() => new ApiError(code), 'semantic'),
        ).post('/');
        expectError(res, code, status);
      });
    });

    describe.each(SUB_CODES)('when the sub-code is %s', (code, status) => {
      it(`should inherit ${status} from its category`, async () => {
        const res = await request(
          failWith(() => new ApiError(code), 'semantic'),
        ).post('/');
        expectError(res, code, status);
      });
    });

    describe('when the code is UnsupportedProtocol', () => {
      it('should send Allow: GET, POST', async () => {
        const app = failWith(
          () => new ApiError('UnsupportedProtocol'),
          'semantic',
        );
        const res = await request(app).post('/');
        expect(res.headers.allow).toBe('GET, POST');
      });
    });

    describe('when the code is RequestLimitExceeded', () => {
      it('should send a Retry-After', async () => {
        const app = failWith(
          () => new ApiError('RequestLimitExceeded'),
          'semantic',
        );
        const res = await request(app).post('/');
        expect(res.headers['retry-after']).toBe('1');
      });

      it("should keep the error's own Retry-After", async () => {
        const error = () =>
          new ApiError('RequestLimitExceeded', undefined, {
            headers: { 'Retry-After': 30 },
          });
        const res = await request(failWith(error, 'semantic')).post('/');
        expect(res.headers['retry-after']).toBe('30');
      });
    });

    describe('when the ApiError has a status of its own', () => {
      it('should answer that status', async () => {
        const error = () =>
          new ApiError('InvalidParameterValue', 'bad', { status: 422 });
        const res = await request(failWith(error, 'semantic')).post('/');
        expectError(res, 'InvalidParameterValue', 422);
      });

      it.each([[302], [99], [42.5], [1000]])(
        'should ignore a status of %s',
        async (status) => {
          const error = () =>
            new ApiError('ResourceNotFound', 'gone', { status });
          const res = await request(failWith(error, 'semantic')).post('/');
          expectError(res, 'ResourceNotFound', 404);
        },
      );
    });
  });

  describe("httpStatus: 'compatible'", () => {
    describe('when the ApiError has a status of its own', () => {
      it('should still answer 200', async () => {
        const error = () =>
          new ApiError('InvalidParameterValue', 'bad', { status: 422 });
        const res = await request(failWith(error, 'compatible')).post('/');
        expectError(res, 'InvalidParameterValue', 200);
      });
    });

    describe('when the code is RequestLimitExceeded or UnsupportedProtocol', () => {
      it('should add no Retry-After or Allow header', async () => {
        const limited = await request(
          failWith(() => new ApiError('RequestLimitExceeded'), 'compatible'),
        ).post('/');
        const method = await request(
          failWith(() => new ApiError('UnsupportedProtocol'), 'compatible'),
        ).post('/');
        expect(limited.headers['retry-after']).toBeUndefined();
        expect(method.headers.allow).toBeUndefined();
      });
    });
  });

  describe('httpStatus as a function', () => {
    it('should be told the code and the semantic status, and decide', async () => {
      const policy = vi.fn(({ code }: { code: string }) =>
        code.startsWith('AuthFailure') ? 401 : 200,
      );
      const auth = await request(
        failWith(() => new ApiError('AuthFailure.TokenFailure'), policy),
      ).post('/');
      const other = await request(
        failWith(() => new ApiError('ResourceInUse'), policy),
      ).post('/');
      expectError(auth, 'AuthFailure.TokenFailure', 401);
      expectError(other, 'ResourceInUse', 200);
      expect(policy).toHaveBeenCalledWith({
        code: 'ResourceInUse',
        semanticStatus: 409,
      });
    });

    it.each([
      [99],
      [Number.NaN],
      [Infinity],
      [600],
      [404.5],
      ['404'],
      [undefined],
      [204],
      [304],
      [302],
    ])('should answer 500 when the function returns %s', async (garbage) => {
      const policy = (() => garbage) as unknown as HttpStatusPolicy;
      const app = failWith(
        () => new ApiError('ResourceNotFound', 'gone'),
        policy,
      );
      const res = await request(app).post('/');
      expectError(res, 'ResourceNotFound', 500, 'gone');
    });

    it('should answer 500 when the function throws', async () => {
      const policy = () => {
        throw new Error('policy bug');
      };
      const app = failWith(
        () => new ApiError('ResourceNotFound', 'gone'),
        policy,
      );
      const res = await request(app).post('/');
      expectError(res, 'ResourceNotFound', 500, 'gone');
    });
  });
});
