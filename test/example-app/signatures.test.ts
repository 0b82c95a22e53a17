import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../helpers/signed-calls.js';
import { call, callV1, failure, success, testApp } from './support.js';

const CREDENTIAL = {
  secretId: 'AKIDexampleapp',
  secretKey: 'example-app-secret-key',
};
const HOST = 'cvm.tencentcloudapi.com';

const signedApp = () =>
  testApp({
    credentials: { [CREDENTIAL.secretId]: CREDENTIAL.secretKey },
  }).app;

const body = '{"Limit":1}';
const signed = (secretKey = CREDENTIAL.secretKey) =>
  signedHeaders({
    ...CREDENTIAL,
    secretKey,
    action: 'DescribeInstances',
    host: HOST,
    body,
  });

describe('createApp({ credentials })', () => {
  describe('when a request is signed with the key', () => {
    it('should serve it', async () => {
      const res = await request(signedApp())
        .post('/')
        .set(signed())
        .set('Host', HOST)
        .send(body);
      expect(success(res).InstanceSet).toHaveLength(1);
    });
  });

  describe('when a request is signed with another key', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const res = await request(signedApp())
        .post('/')
        .set(signed('another-key'))
        .set('Host', HOST)
        .send(body);
      failure(res, 'AuthFailure.SignatureFailure');
    });
  });

  describe('when a TC3 request has no signature nor timestamp', () => {
    it('should answer MissingParameter naming Timestamp first', async () => {
      const res = await call(signedApp(), 'DescribeInstances');
      expect(failure(res, 'MissingParameter').Message).toBe(
        'The request is missing a required parameter `Timestamp`.',
      );
    });
  });

  describe('when a TC3 request has a timestamp but no Authorization', () => {
    it('should answer AuthFailure.InvalidAuthorization', async () => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const res = await request(signedApp())
        .post('/')
        .set('X-TC-Action', 'DescribeInstances')
        .set('X-TC-Version', '2017-03-12')
        .set('X-TC-Region', 'ap-guangzhou')
        .set('X-TC-Timestamp', timestamp)
        .send({});
      failure(res, 'AuthFailure.InvalidAuthorization');
    });
  });

  describe('when a v1 request is not signed', () => {
    it('should answer MissingParameter naming Timestamp', async () => {
      const res = await callV1(signedApp(), 'GET', 'DescribeInstances', '');
      expect(failure(res, 'MissingParameter').Message).toBe(
        'The request is missing a required parameter `Timestamp`.',
      );
    });
  });
});

describe('createApp() without credentials', () => {
  describe('when a request is not signed', () => {
    it('should serve it', async () => {
      const res = await call(testApp().app, 'DescribeInstances');
      expect(success(res).TotalCount).toBe(5);
    });
  });
});
