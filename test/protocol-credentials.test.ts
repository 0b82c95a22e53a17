import { describe, expect, it, vi } from 'vitest';
import type {
  ActionContext,
  CredentialsOption,
  ErrorReport,
} from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { signedApp } from './helpers/protocol-app.js';
import {
  nowSeconds,
  SECRET_ID,
  SECRET_KEY,
  tc3Post,
  v1Get,
  v1Post,
} from './helpers/protocol-requests.js';

// Where the router finds a SecretId's key: a table or a function.

const TEMP = {
  secretId: 'AKIDtemporary01',
  secretKey: 'temp-key',
  token: 'temp-token',
};
const GENERIC = 'An internal error occurred.';

function credentialsApp(
  express: ExpressFactory,
  credentials: CredentialsOption,
) {
  const handler = vi.fn((_params: unknown, _context: ActionContext) => ({
    Ok: true,
  }));
  const onError = vi.fn((_error: unknown, _report: ErrorReport) => undefined);
  const app = signedApp(
    express,
    { DescribeInstances: handler },
    { credentials },
    { onError },
  );
  return { app, handler, onError };
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter() with credentials', () => {
    describe.each([
      ['a table of secret keys', { [SECRET_ID]: SECRET_KEY }],
      ['a table of credentials', { [SECRET_ID]: { secretKey: SECRET_KEY } }],
      [
        'a sync function',
        (id: string) =>
          id === SECRET_ID ? { secretKey: SECRET_KEY } : undefined,
      ],
      [
        'an async function',
        async (id: string) =>
          id === SECRET_ID ? { secretKey: SECRET_KEY } : undefined,
      ],
    ])('when they are %s', (_form, credentials: CredentialsOption) => {
      it('should run a request signed with a known key', async () => {
        const { app, handler } = credentialsApp(express, credentials);
        const rid = expectEnvelope(await tc3Post(app));
        expect(handler.mock.calls[0]?.[1]).toMatchObject({
          secretId: SECRET_ID,
          requestId: rid,
        });
      });

      it('should answer AuthFailure.SecretIdNotFound for an unknown SecretId', async () => {
        const { app, handler } = credentialsApp(express, credentials);
        const signer = { secretId: 'AKIDunknown', secretKey: SECRET_KEY };
        expectError(
          await v1Get(app, {}, { signer }),
          'AuthFailure.SecretIdNotFound',
          200,
        );
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when a function is given', () => {
      it('should be asked with the SecretId of the request', async () => {
        const lookup = vi.fn(() => ({ secretKey: SECRET_KEY }));
        const { app } = credentialsApp(express, lookup);
        expectEnvelope(await v1Post(app));
        expect(lookup).toHaveBeenCalledWith(SECRET_ID);
      });
    });

    describe.each([
      [
        'throws',
        () => {
          throw new Error('vault at 10.0.0.7 is down');
        },
      ],
      ['rejects', () => Promise.reject(new Error('vault at 10.0.0.7 is down'))],
    ])('when the function %s', (_how, lookup) => {
      it('should answer InternalError without its message', async () => {
        const { app, handler } = credentialsApp(express, lookup);
        const res = await tc3Post(app);
        expectError(res, 'InternalError', 200, GENERIC);
        expect(res.text).not.toContain('10.0.0.7');
        expect(handler).not.toHaveBeenCalled();
      });

      it('should give the error to onError', async () => {
        const { app, onError } = credentialsApp(express, lookup);
        const rid = expectEnvelope(await tc3Post(app));
        const [error, report] = onError.mock.calls[0] ?? [];
        expect((error as Error).message).toBe('vault at 10.0.0.7 is down');
        expect(report).toMatchObject({ requestId: rid, code: 'InternalError' });
      });
    });

    describe('when a key is temporary, with a token', () => {
      const table = {
        [TEMP.secretId]: { secretKey: TEMP.secretKey, token: TEMP.token },
      };

      it('should run a TC3 request that sends the token', async () => {
        const { app } = credentialsApp(express, table);
        expectEnvelope(await tc3Post(app, '{}', { signer: TEMP }));
      });

      it('should run a v1 request that sends the token', async () => {
        const { app } = credentialsApp(express, table);
        expectEnvelope(await v1Get(app, {}, { signer: TEMP }));
      });

      it('should answer AuthFailure.TokenFailure without the token', async () => {
        const { app } = credentialsApp(express, table);
        const { token: _token, ...noToken } = TEMP;
        const res = await tc3Post(app, '{}', { signer: noToken });
        expectError(res, 'AuthFailure.TokenFailure', 200);
      });

      it('should answer AuthFailure.TokenFailure for another token', async () => {
        const { app } = credentialsApp(express, table);
        const res = await v1Post(
          app,
          {},
          { signer: { ...TEMP, token: 'stolen' } },
        );
        expectError(res, 'AuthFailure.TokenFailure', 200);
        expect(res.text).not.toContain('stolen');
      });
    });

    describe('when maxSkewSeconds is set', () => {
      it('should refuse a timestamp further off', async () => {
        const app = signedApp(
          express,
          { DescribeInstances: () => ({}) },
          { maxSkewSeconds: 60 },
        );
        const res = await tc3Post(app, '{}', { timestamp: nowSeconds() + 120 });
        expectError(res, 'AuthFailure.SignatureExpire', 200);
      });

      it('should accept a timestamp within it', async () => {
        const app = signedApp(
          express,
          { DescribeInstances: () => ({}) },
          { maxSkewSeconds: 600 },
        );
        expectEnvelope(
          await tc3Post(app, '{}', { timestamp: nowSeconds() - 400 }),
        );
      });
    });
  });
});
