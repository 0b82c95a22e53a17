import { describe, expect, it, vi } from 'vitest';
import type { ActionContext } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
} from './helpers/express-versions.js';
import {
  FILTERS_PARAMS,
  FILTERS_QUERY,
  FILTERS_SCHEMA,
  signedApp,
} from './helpers/protocol-app.js';
import {
  SECRET_ID,
  tc3Get,
  tc3Post,
  type Target,
  v1Get,
  v1Post,
  VERSION,
} from './helpers/protocol-requests.js';
import { tc3Sign } from './helpers/protocol-sign.js';

const V1_COMMON = [
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'Signature',
  'SignatureMethod',
  'Token',
  'Language',
  'RequestClient',
];

// Every common parameter a v1 caller may send, besides the signed ones
// the request helpers add.
const V1_EXTRAS = {
  Region: 'ap-guangzhou',
  Language: 'en-US',
  RequestClient: 'SDK_NODEJS_4.1.0',
};

const V1_FILTERS = {
  ...V1_EXTRAS,
  ...Object.fromEntries(new URLSearchParams(FILTERS_QUERY)),
};

function filtersApp(express: Parameters<typeof signedApp>[0]) {
  const handler = vi.fn((_params: unknown, _context: ActionContext) => ({
    Ok: true,
  }));
  const app = signedApp(express, {
    DescribeInstances: { params: FILTERS_SCHEMA, handler },
  });
  return { app, handler };
}

describe('tc3Sign() of the tests', () => {
  it('should reproduce the official TC3 test vector', () => {
    const { signature } = tc3Sign({
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      method: 'POST',
      canonicalUri: '/',
      query: '',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        host: 'cvm.tencentcloudapi.com',
      },
      body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
      timestamp: 1551113065,
      service: 'cvm',
    });
    expect(signature).toBe(
      '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
    );
  });
});

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter()', () => {
    describe.each([
      [
        'a TC3 POST with a JSON body',
        (app: Target) =>
          tc3Post(app, JSON.stringify(FILTERS_PARAMS), {
            region: 'ap-guangzhou',
          }),
      ],
      [
        'a TC3 GET with flattened parameters',
        (app: Target) => tc3Get(app, FILTERS_QUERY, { region: 'ap-guangzhou' }),
      ],
      [
        'a v1 GET signed with HmacSHA1',
        (app: Target) => v1Get(app, V1_FILTERS),
      ],
      [
        'a v1 GET signed with HmacSHA256',
        (app: Target) =>
          v1Get(app, V1_FILTERS, { signatureMethod: 'HmacSHA256' }),
      ],
      ['a v1 POST form', (app: Target) => v1Post(app, V1_FILTERS)],
      [
        'a v1 POST form signed with HmacSHA256',
        (app: Target) =>
          v1Post(app, V1_FILTERS, { signatureMethod: 'HmacSHA256' }),
      ],
    ])('when the request is %s', (_form, send) => {
      it('should answer the success envelope', async () => {
        const { app } = filtersApp(express);
        const res = await send(app);
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Ok: true, RequestId: rid } });
      });

      it('should give the handler the coerced parameters', async () => {
        const { app, handler } = filtersApp(express);
        expectEnvelope(await send(app));
        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0]?.[0]).toStrictEqual(FILTERS_PARAMS);
      });

      it('should keep every common parameter from the handler', async () => {
        const { app, handler } = filtersApp(express);
        expectEnvelope(await send(app));
        const params = handler.mock.calls[0]?.[0] as Record<string, unknown>;
        for (const name of V1_COMMON)
          expect(Object.hasOwn(params, name)).toBe(false);
      });

      it('should give the handler its context', async () => {
        const { app, handler } = filtersApp(express);
        const rid = expectEnvelope(await send(app));
        expect(handler.mock.calls[0]?.[1]).toMatchObject({
          action: 'DescribeInstances',
          version: VERSION,
          region: 'ap-guangzhou',
          secretId: SECRET_ID,
          requestId: rid,
          language: 'en-US',
        });
      });
    });

    describe('when a v1 request carries its common parameters and no others', () => {
      it('should give a handler without a schema empty parameters', async () => {
        const handler = vi.fn((_params: unknown) => ({}));
        const app = signedApp(express, { DescribeInstances: handler });
        expectEnvelope(await v1Get(app, { ...V1_EXTRAS, Token: undefined }));
        expect(handler.mock.calls[0]?.[0]).toStrictEqual({});
      });
    });

    describe('when a v1 request sends a temporary token', () => {
      it('should keep Token from the handler', async () => {
        const handler = vi.fn((_params: unknown) => ({}));
        const app = signedApp(
          express,
          { DescribeInstances: handler },
          {
            credentials: {
              [SECRET_ID]: { secretKey: 'k-temp', token: 'tok-1' },
            },
          },
        );
        const signer = {
          secretId: SECRET_ID,
          secretKey: 'k-temp',
          token: 'tok-1',
        };
        const res = await v1Post(app, { Limit: '3' }, { signer });
        expectEnvelope(res);
        expect(handler.mock.calls[0]?.[0]).toStrictEqual({ Limit: '3' });
      });
    });

    describe('when no credentials are configured', () => {
      it('should leave secretId out of the context', async () => {
        const handler = vi.fn(
          (_params: unknown, _context: ActionContext) => ({}),
        );
        const app = signedApp(
          express,
          { DescribeInstances: handler },
          {
            credentials: undefined,
          },
        );
        expectEnvelope(await tc3Post(app, '{}', { signer: null }));
        expect(handler.mock.calls[0]?.[1]?.secretId).toBeUndefined();
      });
    });
  });
});
