import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiError, COMMON_CODES, codeInfo, isApiError } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

// protocol.md section 4, in its order.
const PROTOCOL_CODES = [
  'AuthFailure.InvalidSecretId',
  'AuthFailure.MFAFailure',
  'AuthFailure.SecretIdNotFound',
  'AuthFailure.SignatureExpire',
  'AuthFailure.SignatureFailure',
  'AuthFailure.TokenFailure',
  'AuthFailure.UnauthorizedOperation',
  'DryRunOperation',
  'FailedOperation',
  'InternalError',
  'InvalidAction',
  'InvalidParameter',
  'InvalidParameterValue',
  'LimitExceeded',
  'MissingParameter',
  'NoSuchVersion',
  'RequestLimitExceeded',
  'ResourceInUse',
  'ResourceInsufficient',
  'ResourceNotFound',
  'ResourceUnavailable',
  'UnauthorizedOperation',
  'UnknownParameter',
  'UnsupportedOperation',
  'UnsupportedProtocol',
  'UnsupportedRegion',
  'ActionOffline',
  'AuthFailure.InvalidAuthorization',
  'InvalidRequest',
  'IpInBlacklist',
  'IpNotInWhitelist',
  'NoSuchProduct',
  'RequestLimitExceeded.UinLimitExceeded',
  'RequestLimitExceeded.IPLimitExceeded',
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
  'RequestSizeLimitExceeded',
  'ResponseSizeLimitExceeded',
  'ServiceUnavailable',
];

describe('COMMON_CODES', () => {
  it('should hold exactly the 38 codes of the protocol', () => {
    expect(PROTOCOL_CODES).toHaveLength(38);
    expect(Object.keys(COMMON_CODES).sort()).toEqual(
      [...PROTOCOL_CODES].sort(),
    );
  });

  it.each(PROTOCOL_CODES)(
    'should give %s messages in both languages and a status',
    (code) => {
      const info = COMMON_CODES[code];
      expect(info?.en.trim()).not.toBe('');
      expect(info?.zh.trim()).not.toBe('');
      expect(info?.zh).not.toBe(info?.en);
      expect(Number.isInteger(info?.status)).toBe(true);
      expect(info?.status).toBeGreaterThanOrEqual(400);
      expect(info?.status).toBeLessThanOrEqual(599);
    },
  );

  it('should be frozen, entries included', () => {
    expect(Object.isFrozen(COMMON_CODES)).toBe(true);
    expect(Object.values(COMMON_CODES).every(Object.isFrozen)).toBe(true);
    expect(() => {
      (COMMON_CODES as Record<string, unknown>).Custom = {};
    }).toThrow(TypeError);
  });
});

describe('codeInfo()', () => {
  describe('when given a common code', () => {
    it('should return its entry', () => {
      expect(codeInfo('ResourceNotFound')).toBe(COMMON_CODES.ResourceNotFound);
    });
  });

  describe('when given a sub-code', () => {
    it('should return its own entry when it is common', () => {
      expect(codeInfo('AuthFailure.UnauthorizedOperation').status).toBe(403);
    });

    it('should inherit from its category otherwise', () => {
      expect(codeInfo('ResourceNotFound.InstanceNotFound')).toBe(
        COMMON_CODES.ResourceNotFound,
      );
      expect(codeInfo('AuthFailure.Whatever').status).toBe(401);
    });
  });

  describe.each([
    ['constructor'],
    ['__proto__'],
    ['toString'],
    ['hasOwnProperty'],
  ])('when given %s', (name) => {
    it('should not return a prototype member', () => {
      const info = codeInfo(name);
      expect(typeof info).toBe('object');
      expect(info.status).toBe(400);
      expect(typeof info.en).toBe('string');
      expect(codeInfo(`${name}.Sub`)).toBe(info);
    });
  });
});

describe('ApiError', () => {
  it.each([
    [''],
    ['Resource Not Found'],
    ['.Leading'],
    ['Trailing.'],
    ['Two..Dots'],
    ['Has-Dash'],
    ['A'.repeat(129)],
    [42],
    [undefined],
  ])('should reject the code %j with a TypeError', (code) => {
    expect(() => new ApiError(code as string)).toThrow(TypeError);
  });

  it('should keep code, message, status and cause', () => {
    const cause = new Error('db');
    const error = new ApiError('ResourceInUse', 'busy', { status: 423, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ApiError');
    expect([error.code, error.message, error.status, error.cause]).toEqual([
      'ResourceInUse',
      'busy',
      423,
      cause,
    ]);
  });
});

describe('isApiError()', () => {
  it('should accept an ApiError', () => {
    expect(isApiError(new ApiError('InternalError'))).toBe(true);
  });

  it.each([
    [new Error('x')],
    [{ code: 'ResourceNotFound' }],
    [null],
    ['ApiError'],
  ])('should reject %s', (value) => {
    expect(isApiError(value)).toBe(false);
  });

  it('should accept an error made by another copy of the package', () => {
    expect(isApiError(foreignApiError())).toBe(true);
  });
});

// What another copy's ApiError looks like to this one: a different class,
// branded with the same registered symbol.
function foreignApiError(): Error {
  const error = Object.assign(new Error('from another copy'), {
    name: 'ApiError',
    code: 'ResourceNotFound.Disk',
    hasOwnMessage: true,
    headers: {},
    status: undefined,
  });
  Object.defineProperty(error, Symbol.for('express-tcapi.ApiError'), {
    value: true,
  });
  return error;
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('tcapiErrorHandler()', () => {
    describe('when given an ApiError from another copy', () => {
      it('should answer its code and message', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, _res, next) => next(foreignApiError()));
        });
        const res = await request(app).post('/');
        expectError(res, 'ResourceNotFound.Disk', 200, 'from another copy');
      });
    });
  });
});
