import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { isApiError } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { FILTERS_SCHEMA, signedApp } from './helpers/protocol-app.js';
import {
  HOST,
  KEY,
  nowSeconds,
  tc3Get,
  tc3Post,
  v1Get,
  v1Post,
  VERSION,
} from './helpers/protocol-requests.js';
import { tc3Authorization } from './helpers/protocol-sign.js';

// protocol.md section 3, steps 1 to 7: method, size, common parameters,
// then the signature, each checked before the next.

const missing = (name: string) =>
  `The request is missing a required parameter \`${name}\`.`;
const STALE = nowSeconds() - 3600;

function orderApp(express: ExpressFactory, seen?: unknown[]) {
  const handler = vi.fn(() => ({ Ok: true }));
  const app = signedApp(
    express,
    { DescribeInstances: { params: FILTERS_SCHEMA, handler } },
    { regions: ['ap-guangzhou'], limits: { get: 512, form: 512, json: 512 } },
    { restrictMethods: false, ...(seen ? { seen } : {}) },
  );
  return { app, handler };
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter()', () => {
    describe('when a signed request uses PUT', () => {
      it('should answer UnsupportedProtocol', async () => {
        const { app, handler } = orderApp(express);
        const timestamp = nowSeconds();
        const authorization = tc3Authorization({
          ...KEY,
          method: 'PUT',
          canonicalUri: '/',
          query: '',
          headers: { 'content-type': 'application/json', host: HOST },
          body: '{}',
          timestamp,
          service: 'cvm',
        });
        const res = await request(app)
          .put('/')
          .set('Host', HOST)
          .set('Content-Type', 'application/json')
          .set('X-TC-Action', 'DescribeInstances')
          .set('X-TC-Version', VERSION)
          .set('X-TC-Region', 'ap-guangzhou')
          .set('X-TC-Timestamp', String(timestamp))
          .set('Authorization', authorization)
          .send('{}');
        expectError(res, 'UnsupportedProtocol', 200);
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when the router is asked with HEAD', () => {
      it('should refuse it with UnsupportedProtocol', async () => {
        const seen: unknown[] = [];
        const { app, handler } = orderApp(express, seen);
        const res = await request(app)
          .head('/')
          .set('Host', HOST)
          .set('X-TC-Action', 'DescribeInstances')
          .set('X-TC-Version', VERSION);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(seen.map((e) => (isApiError(e) ? e.code : e))).toEqual([
          'UnsupportedProtocol',
        ]);
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when a GET query is over limits.get and has no Action', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const { app } = orderApp(express);
        const res = await request(app)
          .get(`/?Pad=${'x'.repeat(600)}`)
          .set('Host', HOST);
        expectError(res, 'RequestSizeLimitExceeded', 200);
      });
    });

    describe('when a signed TC3 GET is over limits.get', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const { app } = orderApp(express);
        const res = await tc3Get(app, `Pad=${'x'.repeat(600)}`);
        expectError(res, 'RequestSizeLimitExceeded', 200);
      });
    });

    describe('when a v1 POST form is over limits.form and unsigned', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const { app } = orderApp(express);
        const res = await v1Post(
          app,
          { Pad: 'x'.repeat(600) },
          { signer: null },
        );
        expectError(res, 'RequestSizeLimitExceeded', 200);
      });
    });

    describe('when a TC3 JSON body is over limits.json and has no Action', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const { app } = orderApp(express);
        const body = JSON.stringify({ Pad: 'x'.repeat(600) });
        const res = await tc3Post(app, body, {
          action: null,
          signer: null,
          timestamp: null,
        });
        expectError(res, 'RequestSizeLimitExceeded', 200);
      });
    });

    describe('when an unsigned request has no Action', () => {
      it('should answer MissingParameter Action (TC3 headers)', async () => {
        const { app } = orderApp(express);
        const res = await tc3Post(app, '{}', {
          action: null,
          signer: null,
          timestamp: null,
        });
        expectError(res, 'MissingParameter', 200, missing('Action'));
      });

      it('should answer MissingParameter Action (v1 query)', async () => {
        const { app } = orderApp(express);
        const res = await v1Get(app, { Action: undefined }, { signer: null });
        expectError(res, 'MissingParameter', 200, missing('Action'));
      });
    });

    describe('when an unsigned request has no Version', () => {
      it('should answer MissingParameter Version', async () => {
        const { app } = orderApp(express);
        const res = await tc3Post(app, '{}', {
          version: null,
          signer: null,
          timestamp: null,
        });
        expectError(res, 'MissingParameter', 200, missing('Version'));
      });
    });

    describe('when X-TC-Timestamp is missing and Authorization is malformed', () => {
      it('should answer MissingParameter Timestamp', async () => {
        const { app } = orderApp(express);
        const res = await tc3Post(app, '{}', {
          timestamp: null,
          authorization: 'TC3-HMAC-SHA256 x',
        });
        expectError(res, 'MissingParameter', 200, missing('Timestamp'));
      });
    });

    describe('when a v1 request has no Timestamp', () => {
      it('should answer MissingParameter Timestamp', async () => {
        const { app } = orderApp(express);
        const res = await v1Get(app, {
          Timestamp: undefined,
          Signature: 'bogus',
        });
        expectError(res, 'MissingParameter', 200, missing('Timestamp'));
      });
    });

    describe('when Authorization is malformed and the timestamp stale', () => {
      it('should answer AuthFailure.InvalidAuthorization', async () => {
        const { app } = orderApp(express);
        const res = await tc3Post(app, '{}', {
          timestamp: STALE,
          authorization: 'Bearer abc',
        });
        expectError(res, 'AuthFailure.InvalidAuthorization', 200);
      });
    });

    describe('when the timestamp is stale and the SecretId unknown', () => {
      it('should answer AuthFailure.SignatureExpire', async () => {
        const { app } = orderApp(express);
        const stranger = { secretId: 'AKIDstranger', secretKey: 'other' };
        const res = await tc3Post(app, '{}', {
          timestamp: STALE,
          signer: stranger,
        });
        expectError(res, 'AuthFailure.SignatureExpire', 200);
      });
    });

    describe('when the SecretId is unknown', () => {
      it('should answer AuthFailure.SecretIdNotFound', async () => {
        const { app } = orderApp(express);
        const stranger = { secretId: 'AKIDstranger', secretKey: 'other' };
        const res = await v1Get(
          app,
          { Region: 'ap-guangzhou' },
          { signer: stranger },
        );
        expectError(res, 'AuthFailure.SecretIdNotFound', 200);
      });
    });

    describe('when the signature is wrong', () => {
      it('should answer AuthFailure.SignatureFailure', async () => {
        const { app, handler } = orderApp(express);
        const wrong = { ...KEY, secretKey: 'not-the-key' };
        const res = await tc3Post(app, '{}', {
          region: 'ap-guangzhou',
          signer: wrong,
        });
        expectError(res, 'AuthFailure.SignatureFailure', 200);
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when an unsigned request has a malformed JSON body', () => {
      it('should answer the missing timestamp before the body', async () => {
        const { app } = orderApp(express);
        const res = await tc3Post(app, '{"Limit": ', {
          region: 'ap-guangzhou',
          signer: null,
          timestamp: null,
        });
        expectError(res, 'MissingParameter', 200, missing('Timestamp'));
      });
    });

    describe('when a signed request has a malformed JSON body', () => {
      it('should answer InvalidParameter after the signature passed', async () => {
        const { app, handler } = orderApp(express);
        const res = await tc3Post(app, '{"Limit": ', {
          region: 'ap-guangzhou',
        });
        expectError(
          res,
          'InvalidParameter',
          200,
          'The request body is not valid JSON.',
        );
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when a v1 signature is wrong', () => {
      it('should answer AuthFailure.SignatureFailure', async () => {
        const { app } = orderApp(express);
        const res = await v1Post(app, {
          Region: 'ap-guangzhou',
          Signature: 'AAAA',
        });
        expectError(res, 'AuthFailure.SignatureFailure', 200);
      });
    });
  });
});
