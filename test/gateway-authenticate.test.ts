import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import {
  authenticatedSecretId,
  captureRawBody,
  tcapi,
  tcapiAuthenticate,
  tcapiFinish,
  type AuthenticateOptions,
} from 'express-tcapi';
import { closeAfterEach } from './helpers/close-after-each.js';
import {
  EXPRESS_VERSIONS,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import { listen } from './helpers/gateway-upstreams.js';
import {
  CREDENTIALS,
  FILTERS_PARAMS,
  FILTERS_QUERY,
  FILTERS_SCHEMA,
  signedApp,
} from './helpers/protocol-app.js';
import {
  KEY,
  nowSeconds,
  SECRET_ID,
  tc3Get,
  tc3Post,
  v1Get,
  v1Post,
} from './helpers/protocol-requests.js';

const track = closeAfterEach();

/**
 * A backend that checks signatures too, and a gateway in front of it
 * that checks them first: a request reaches the handler only if both
 * signature checks pass over what each received.
 */
async function signedPair(
  express: ExpressFactory,
  options: {
    gateway?: Partial<AuthenticateOptions>;
    before?: (app: Express) => void;
  } = {},
) {
  const handler = vi.fn((params: unknown) => ({ Params: params }));
  const backend = signedApp(express, {
    DescribeInstances: { params: FILTERS_SCHEMA, handler },
  });
  const upstream = await track(listen(backend));
  const secretIds: unknown[] = [];
  const gateway = gatewayApp(express, upstream.url, {
    before: (app) => {
      options.before?.(app);
      app.use(
        tcapiAuthenticate({ credentials: CREDENTIALS, ...options.gateway }),
      );
      app.use((req, _res, next) => {
        secretIds.push(authenticatedSecretId(req));
        next();
      });
    },
  });
  return { gateway, handler, secretIds };
}

describe.each(EXPRESS_VERSIONS)(
  'tcapiAuthenticate() on %s',
  (_name, express) => {
    describe('when a request is signed with a known key', () => {
      it.each([
        [
          'TC3 POST',
          (app: Express) => tc3Post(app, JSON.stringify(FILTERS_PARAMS)),
        ],
        ['TC3 GET', (app: Express) => tc3Get(app, FILTERS_QUERY)],
        ['v1 GET', (app: Express) => v1Get(app, { Limit: '2' })],
        [
          'v1 POST',
          (app: Express) =>
            v1Post(app, { Limit: '2', 'Filters.0.Name': 'zone' }),
        ],
        [
          'v1 POST with HmacSHA256',
          (app: Express) =>
            v1Post(app, { Limit: '2' }, { signatureMethod: 'HmacSHA256' }),
        ],
      ])(
        'should pass a %s on, and the backend verify it again',
        async (_form, send) => {
          const { gateway, handler, secretIds } = await signedPair(express);
          const res = await send(gateway);
          expect(res.body.Response.Error).toBeUndefined();
          expect(res.body.Response.Params).toMatchObject({ Limit: 2 });
          expect(handler).toHaveBeenCalledTimes(1);
          expect(secretIds).toEqual([SECRET_ID]);
        },
      );

      it('should pass on a body a JSON parser read with { verify: captureRawBody }', async () => {
        const { gateway, handler } = await signedPair(express, {
          before: (app) => app.use(express.json({ verify: captureRawBody })),
        });
        const body =
          '{ "Limit" : 2 ,"Filters":[{"Name":"zone","Values":["a"]}]}';
        const res = await tc3Post(gateway, body);
        expect(res.body.Response.Error).toBeUndefined();
        expect(handler).toHaveBeenCalledTimes(1);
      });
    });

    describe('when the gateway is set to one service', () => {
      it('should pass a request signed for it', async () => {
        const { gateway, handler } = await signedPair(express, {
          gateway: { service: 'cvm' },
        });
        const res = await tc3Post(gateway, '{}');
        expect(res.body.Response.Error).toBeUndefined();
        expect(handler).toHaveBeenCalledTimes(1);
      });

      it('should refuse a request signed for another service', async () => {
        const { gateway, handler } = await signedPair(express, {
          gateway: { service: 'cvm' },
        });
        const res = await tc3Post(gateway, '{}', { service: 'hunyuan' });
        expectError(res, 'AuthFailure.SignatureFailure');
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when a request fails the check', () => {
      it.each([
        [
          'a wrong signature',
          (app: Express) =>
            tc3Post(app, '{}', { signer: { ...KEY, secretKey: 'wrong-key' } }),
          'AuthFailure.SignatureFailure',
        ],
        [
          'an unknown SecretId',
          (app: Express) =>
            tc3Post(app, '{}', { signer: { ...KEY, secretId: 'AKIDunknown' } }),
          'AuthFailure.SecretIdNotFound',
        ],
        [
          'no Authorization',
          (app: Express) => tc3Post(app, '{}', { signer: null }),
          'AuthFailure.InvalidAuthorization',
        ],
        [
          'a stale timestamp',
          (app: Express) =>
            tc3Post(app, '{}', { timestamp: nowSeconds() - 3600 }),
          'AuthFailure.SignatureExpire',
        ],
        [
          'no Action, before the signature',
          (app: Express) =>
            tc3Post(app, '{}', {
              action: null,
              signer: { ...KEY, secretKey: 'x' },
            }),
          'MissingParameter',
        ],
        [
          'a body over the limit',
          (app: Express) =>
            tc3Post(app, JSON.stringify({ Data: 'z'.repeat(2048) })),
          'RequestSizeLimitExceeded',
        ],
      ])('should answer %s at the gateway', async (_what, send, code) => {
        const { gateway, handler, secretIds } = await signedPair(express, {
          gateway: { limits: { json: '1kb' } },
        });
        const res = await send(gateway);
        expectError(res, code);
        expect(handler).not.toHaveBeenCalled();
        expect(secretIds).toEqual([]);
      });

      it('should refuse a method other than GET or POST with UnsupportedProtocol', async () => {
        // tcapi() refuses them first by default; with restrictMethods off
        // the check still does.
        const handler = vi.fn();
        const app = express();
        app.use(tcapi({ restrictMethods: false }));
        app.use(tcapiAuthenticate({ credentials: CREDENTIALS }));
        app.use(handler);
        app.use(tcapiFinish());
        const res = await request(app).put('/');
        expectError(res, 'UnsupportedProtocol');
        expect(handler).not.toHaveBeenCalled();
      });

      it('should answer InternalError when mounted without being called', async () => {
        const app = express();
        app.use(tcapi());
        app.use(tcapiAuthenticate as never);
        app.use(tcapiFinish());
        const res = await request(app).post('/');
        expectError(res, 'InternalError');
      });

      it('should answer InternalError when a parser read the body without keeping it', async () => {
        const { gateway, handler } = await signedPair(express, {
          before: (app) => app.use(express.json()),
        });
        const res = await tc3Post(gateway, '{"Limit":2}');
        expectError(res, 'InternalError');
        expect(handler).not.toHaveBeenCalled();
      });
    });
  },
);

describe('tcapiAuthenticate()', () => {
  it.each([
    [undefined, 'needs options'],
    [{}, 'needs `credentials`'],
    [{ credentials: CREDENTIALS, verify: true }, 'has no option `verify`'],
    [{ credentials: CREDENTIALS, maxSkewSeconds: 0 }, '`maxSkewSeconds`'],
    [{ credentials: CREDENTIALS, service: 'CVM!' }, 'option `service`'],
    [{ credentials: CREDENTIALS, limits: { json: 'lots' } }, '`limits.json`'],
    [{ credentials: 'secret' }, 'option `credentials`'],
  ])('should refuse %j at set-up', (options, message) => {
    expect(() => tcapiAuthenticate(options as never)).toThrow(TypeError);
    expect(() => tcapiAuthenticate(options as never)).toThrow(message);
  });

  it('should be a named middleware', () => {
    expect(tcapiAuthenticate({ credentials: CREDENTIALS }).name).toBe(
      'tcapiAuthenticate',
    );
  });
});
