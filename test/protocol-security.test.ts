import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { actionRouter, tcapi, tcapiFinish } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { CREDENTIALS, protocolApp } from './helpers/protocol-app.js';
import {
  HOST,
  nowSeconds,
  tc3Post,
  v1Parameters,
  VERSION,
} from './helpers/protocol-requests.js';
import { tc3Authorization } from './helpers/protocol-sign.js';

const describeInstances = () => ({ TotalCount: 0 });

// Two products on one host, each bound to its own service name.
function twoServices(express: ExpressFactory, handler = vi.fn(() => ({}))) {
  const app = express();
  app.use(tcapi());
  const versions = { [VERSION]: { DescribeInstances: handler } };
  app.use(
    '/hunyuan',
    actionRouter({ versions, credentials: CREDENTIALS, service: 'hunyuan' }),
  );
  app.use(actionRouter({ versions, credentials: CREDENTIALS, service: 'cvm' }));
  app.use(tcapiFinish());
  return { app, handler };
}

// A TC3 POST signed as the Node SDK signs for a local endpoint: the host
// without its port, the endpoint's first label as the service.
function nodeStyle(app: object, path: string, signedUri: string) {
  const timestamp = nowSeconds();
  const authorization = tc3Authorization({
    ...CREDENTIAL,
    method: 'POST',
    canonicalUri: signedUri,
    query: '',
    headers: { 'content-type': 'application/json', host: '127.0.0.1' },
    body: '{}',
    timestamp,
    service: '127',
  });
  return request(app as never)
    .post(path)
    .set('Host', '127.0.0.1:3000')
    .set('Content-Type', 'application/json')
    .set('X-TC-Action', 'DescribeInstances')
    .set('X-TC-Version', VERSION)
    .set('X-TC-Timestamp', String(timestamp))
    .set('Authorization', authorization)
    .send('{}');
}

const [[CREDENTIAL_ID, CREDENTIAL_KEY]] = Object.entries(CREDENTIALS) as [
  [string, string],
];
const CREDENTIAL = { secretId: CREDENTIAL_ID, secretKey: CREDENTIAL_KEY };

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter() credentials', () => {
    describe.each([
      ['a prototype member', 'constructor', 'undefined'],
      ['a prototype member', 'toString', 'undefined'],
      ['an empty secretKey', 'AKIDdisabled', ''],
    ])('when the lookup finds %s', (_case, secretId, secretKey) => {
      it('should answer AuthFailure.SecretIdNotFound', async () => {
        const keys: Record<string, unknown> = {
          AKIDdisabled: { secretKey: '' },
        };
        const app = protocolApp(express, {
          versions: { [VERSION]: { DescribeInstances: describeInstances } },
          credentials: (id: string) => keys[id] as never,
        });
        const res = await tc3Post(app, '{}', {
          signer: { secretId, secretKey },
        });
        expectError(res, 'AuthFailure.SecretIdNotFound', 200);
      });
    });
  });

  describe('actionRouter({ service })', () => {
    describe('when a request signed for one service is sent to another', () => {
      it('should answer AuthFailure.SignatureFailure', async () => {
        const { app, handler } = twoServices(express);
        const res = await tc3Post(app, '{}', {
          path: '/hunyuan',
          service: 'cvm',
        });
        expectError(res, 'AuthFailure.SignatureFailure', 200);
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when a request names the service it is sent to', () => {
      it('should serve it', async () => {
        const { app } = twoServices(express);
        const res = await tc3Post(app, '{}', {
          path: '/hunyuan',
          service: 'hunyuan',
        });
        expectEnvelope(res);
      });
    });

    describe('when the Node SDK signs the real path with its first label', () => {
      it('should serve it', async () => {
        const { app } = twoServices(express);
        expectEnvelope(await nodeStyle(app, '/hunyuan/', '/hunyuan/'));
      });

      it('should refuse it replayed to another mount', async () => {
        const { app, handler } = twoServices(express);
        const res = await nodeStyle(app, '/hunyuan/', '/');
        expectError(res, 'AuthFailure.SignatureFailure', 200);
        expect(handler).not.toHaveBeenCalled();
      });
    });
  });

  describe('actionRouter() before reading a TC3 body', () => {
    // Declares a large body and sends none of it: only an answer given
    // from the headers alone can come back.
    async function declaredOnly(headers: Record<string, string>) {
      const app = protocolApp(express, {
        versions: { [VERSION]: { DescribeInstances: describeInstances } },
        credentials: CREDENTIALS,
      });
      const server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      try {
        const req = http.request({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': '5000000',
            ...headers,
          },
        });
        req.flushHeaders();
        const [res] = (await once(req, 'response')) as [http.IncomingMessage];
        let text = '';
        for await (const chunk of res) text += chunk;
        req.destroy();
        return JSON.parse(text) as { Response: { Error: { Code: string } } };
      } finally {
        server.closeAllConnections();
        server.close();
      }
    }

    describe('when the request has no signature', () => {
      it('should answer without waiting for the body', async () => {
        const body = await declaredOnly({
          'X-TC-Action': 'DescribeInstances',
          'X-TC-Version': VERSION,
        });
        expect(body.Response.Error.Code).toBe('MissingParameter');
      });
    });

    describe('when the Authorization header is malformed', () => {
      it('should answer without waiting for the body', async () => {
        const body = await declaredOnly({
          'X-TC-Action': 'DescribeInstances',
          'X-TC-Version': VERSION,
          'X-TC-Timestamp': String(nowSeconds()),
          Authorization: 'TC3-HMAC-SHA256 nonsense',
        });
        expect(body.Response.Error.Code).toBe(
          'AuthFailure.InvalidAuthorization',
        );
      });
    });
  });

  describe('actionRouter() with v1 signatures', () => {
    describe('when an empty parameter is added after signing', () => {
      it('should leave it out of the parameters', async () => {
        const handler = vi.fn((_params: unknown) => ({}));
        const app = protocolApp(express, {
          versions: { [VERSION]: { DescribeInstances: handler } },
          credentials: CREDENTIALS,
        });
        const signed = v1Parameters('GET', { Limit: '5' });
        const query = new URLSearchParams({ ...signed, Name: '' });
        const res = await request(app).get(`/?${query}`).set('Host', HOST);
        expectEnvelope(res);
        expect(handler.mock.calls[0]?.[0]).toEqual({ Limit: '5' });
      });
    });
  });
});
