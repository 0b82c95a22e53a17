import { describe, expect, it } from 'vitest';
import { TEMPORARY_KEY } from '../helpers/example-keys.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import type { ClientOptions } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';
import { cvmPerTest } from './cvm-sdk-server.js';

const cvm = cvmPerTest();

const RUN = {
  Placement: { Zone: 'ap-guangzhou-3' },
  ImageId: 'img-9qrfy1xt',
  InstanceType: 'S5.SMALL2',
};

// Every form the official Node SDK sends: TC3 as JSON or a query, v1 as
// a query or a form body. GET and v1 values arrive as strings, which the
// schemas coerce back to integers, booleans, lists and objects.
const MODES: [string, ClientOptions][] = [
  ['TC3-HMAC-SHA256 over POST', {}],
  ['TC3-HMAC-SHA256 over GET', { reqMethod: 'GET' }],
  ['HmacSHA1 over POST', { signMethod: 'HmacSHA1' }],
  ['HmacSHA1 over GET', { signMethod: 'HmacSHA1', reqMethod: 'GET' }],
  ['HmacSHA256 over POST', { signMethod: 'HmacSHA256' }],
  ['HmacSHA256 over GET', { signMethod: 'HmacSHA256', reqMethod: 'GET' }],
];

describe.each(MODES)('the official CVM client with %s', (_, mode) => {
  describe('when paging DescribeInstances', () => {
    it('should read Limit instances from Offset', async () => {
      const result = await cvm.client(mode).DescribeInstances({
        Offset: 1,
        Limit: 2,
      });
      expect(result.TotalCount).toBe(5);
      expect(result.InstanceSet?.map((i) => i.InstanceName)).toEqual([
        'web-1',
        'db-1',
      ]);
      expect(result.RequestId).toMatch(UUID);
    });
  });

  describe('when filtering on several values', () => {
    it('should read the instances matching any of them', async () => {
      const result = await cvm.client(mode).DescribeInstances({
        Filters: [
          { Name: 'zone', Values: ['ap-guangzhou-6', 'ap-guangzhou-7'] },
        ],
      });
      expect(result.InstanceSet?.map((i) => i.InstanceName)).toEqual([
        'web-2',
        'batch-1',
      ]);
    });
  });

  describe('when launching with a nested Placement and a count', () => {
    it('should read as many new ids as asked', async () => {
      const result = await cvm.client(mode).RunInstances({
        ...RUN,
        InstanceCount: 2,
      });
      expect(result.InstanceIdSet).toHaveLength(2);
    });
  });

  describe('when launching with DryRun', () => {
    it('should reach the SDK as DryRunOperation', async () => {
      const call = cvm.client(mode).RunInstances({ ...RUN, DryRun: true });
      expect(await rejection(call)).toMatchObject({
        code: 'DryRunOperation',
        requestId: expect.stringMatching(UUID),
      });
    });
  });

  describe('when stopping a list of instances', () => {
    it('should stop each of them', async () => {
      const ids = ['ins-2mb7q1xa', 'ins-5fxkq0ju'];
      await cvm.client(mode).StopInstances({
        InstanceIds: ids,
        StopType: 'HARD',
      });
      const status = await cvm.client(mode).DescribeInstancesStatus({
        InstanceIds: ids,
      });
      expect(status.InstanceStatusSet?.map((s) => s.InstanceState)).toEqual([
        'STOPPING',
        'STOPPING',
      ]);
    });
  });

  describe('when a parameter is unknown', () => {
    it('should reach the SDK as UnknownParameter', async () => {
      const call = cvm.client(mode).request('DescribeInstances', { Lmit: 1 });
      expect(await rejection(call)).toMatchObject({
        code: 'UnknownParameter',
        message: 'The parameter `Lmit` is not recognized.',
        requestId: expect.stringMatching(UUID),
      });
    });
  });

  describe('when signing with temporary credentials and their token', () => {
    it('should be served', async () => {
      const client = cvm.client({ ...mode, credential: TEMPORARY_KEY });
      const result = await client.DescribeInstances({ Limit: 1 });
      expect(result.InstanceSet).toHaveLength(1);
    });
  });
});
