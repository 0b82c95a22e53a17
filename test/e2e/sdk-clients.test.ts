import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import { describe, expect, it } from 'vitest';
import { DEMO_KEY, TEMPORARY_KEY } from '../helpers/example-keys.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import type { ClientOptions } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';
import { cvmPerTest } from './cvm-sdk-server.js';

const cvm = cvmPerTest();

const commonClient = (profile: { reqMethod?: 'GET' } = {}) =>
  new CommonClient(cvm.host, '2017-03-12', {
    credential: { ...DEMO_KEY },
    region: 'ap-guangzhou',
    profile: { httpProfile: { protocol: 'http://', ...profile } },
  });

describe('the generic CommonClient of the official SDK', () => {
  describe.each([
    ['POST', {}],
    ['GET', { reqMethod: 'GET' as const }],
  ])('when calling DescribeInstances over %s', (_, profile) => {
    it('should read the result', async () => {
      const result = await commonClient(profile).request('DescribeInstances', {
        InstanceIds: ['ins-2mb7q1xa'],
      });
      expect(result.TotalCount).toBe(1);
      expect(result.InstanceSet[0].InstanceName).toBe('web-1');
      expect(result.RequestId).toMatch(UUID);
    });
  });

  describe('when a parameter is out of range', () => {
    it('should reach the caller as InvalidParameterValue', async () => {
      const call = commonClient().request('DescribeInstances', { Limit: 0 });
      expect(await rejection(call)).toMatchObject({
        code: 'InvalidParameterValue',
        message: 'The value of the parameter `Limit` must be at least 1.',
        requestId: expect.stringMatching(UUID),
      });
    });
  });
});

const chinese = (options: ClientOptions = {}) =>
  cvm.client({ ...options, language: 'zh-CN' });

describe.each<[string, ClientOptions]>([
  ['TC3-HMAC-SHA256', {}],
  ['HmacSHA256 over GET', { signMethod: 'HmacSHA256', reqMethod: 'GET' }],
])('a client set to zh-CN, signing with %s', (_, method) => {
  describe('when a parameter is unknown', () => {
    it('should get the message in Chinese', async () => {
      const call = chinese(method).request('DescribeInstances', { Lmit: 1 });
      expect(await rejection(call)).toMatchObject({
        code: 'UnknownParameter',
        message: '参数 `Lmit` 无法识别。',
        requestId: expect.stringMatching(UUID),
      });
    });
  });

  describe('when the region is missing', () => {
    it('should get the message in Chinese', async () => {
      const client = chinese({ ...method, region: null });
      expect(await rejection(client.DescribeInstances({}))).toMatchObject({
        code: 'MissingParameter',
        message: '缺少必需参数 `Region`。',
      });
    });
  });

  describe('when the token is wrong', () => {
    it('should get the message in Chinese', async () => {
      const credential = { ...TEMPORARY_KEY, token: 'not-the-token' };
      const client = chinese({ ...method, credential });
      expect(await rejection(client.DescribeInstances({}))).toMatchObject({
        code: 'AuthFailure.TokenFailure',
        message: '临时证书 Token 缺失或错误。',
      });
    });
  });

  describe('when the request succeeds', () => {
    it('should be served as in English', async () => {
      const result = await chinese(method).DescribeInstances({ Limit: 1 });
      expect(result.InstanceSet).toHaveLength(1);
    });
  });
});
