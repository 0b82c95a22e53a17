import { describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../helpers/example-keys.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import { signedHeaders } from '../helpers/signed-calls.js';
import { cvmPerTest } from './cvm-sdk-server.js';

const WEB_1 = 'ins-2mb7q1xa';
const BATCH_1 = 'ins-c4h8npz2';

const cvm = cvmPerTest();

const statusOf = async (id: string) => {
  const result = await cvm.client().DescribeInstancesStatus({
    InstanceIds: [id],
  });
  return result.InstanceStatusSet?.[0]?.InstanceState;
};

describe('the official CVM client, signing with the app key', () => {
  describe('when calling DescribeInstances', () => {
    it('should read the instances and the RequestId', async () => {
      const result = await cvm.client().DescribeInstances({ Limit: 2 });
      expect(result.TotalCount).toBe(5);
      expect(result.InstanceSet?.map((i) => i.InstanceName)).toEqual([
        'web-2',
        'web-1',
      ]);
      expect(result.RequestId).toMatch(UUID);
    });

    it('should filter as asked', async () => {
      const result = await cvm.client().DescribeInstances({
        Filters: [{ Name: 'instance-state', Values: ['STOPPED'] }],
      });
      expect(result.InstanceSet?.map((i) => i.InstanceId)).toEqual([
        BATCH_1,
        'ins-k7vy3e1m',
      ]);
    });
  });

  describe('when calling DescribeInstancesStatus', () => {
    it('should read the states', async () => {
      const result = await cvm.client().DescribeInstancesStatus({
        InstanceIds: [WEB_1, BATCH_1],
      });
      expect(result.InstanceStatusSet).toEqual([
        { InstanceId: WEB_1, InstanceState: 'RUNNING' },
        { InstanceId: BATCH_1, InstanceState: 'STOPPED' },
      ]);
    });
  });

  describe('when calling RunInstances', () => {
    it('should read the new ids, PENDING then RUNNING', async () => {
      const result = await cvm.client().RunInstances({
        Placement: { Zone: 'ap-guangzhou-3' },
        ImageId: 'img-9qrfy1xt',
        InstanceType: 'S5.MEDIUM4',
        InstanceCount: 2,
      });
      expect(result.InstanceIdSet).toHaveLength(2);
      const [id] = result.InstanceIdSet ?? [];
      expect(await statusOf(id!)).toBe('PENDING');
      cvm.tick();
      expect(await statusOf(id!)).toBe('RUNNING');
    });
  });

  describe.each([
    ['StopInstances', WEB_1, 'STOPPING', 'STOPPED'],
    ['StartInstances', BATCH_1, 'STARTING', 'RUNNING'],
    ['RebootInstances', WEB_1, 'REBOOTING', 'RUNNING'],
    ['TerminateInstances', WEB_1, 'TERMINATING', undefined],
  ] as const)('when calling %s', (action, id, during, after) => {
    it('should read a result with only the RequestId', async () => {
      const result = await cvm.client()[action]({ InstanceIds: [id] });
      expect(Object.keys(result)).toEqual(['RequestId']);
      expect(result.RequestId).toMatch(UUID);
    });

    it(`should make it ${during}, then ${after ?? 'gone'}`, async () => {
      await cvm.client()[action]({ InstanceIds: [id] });
      expect(await statusOf(id)).toBe(during);
      cvm.tick();
      expect(await statusOf(id)).toBe(after);
    });
  });

  describe('when calling an action through the generic request()', () => {
    it('should read its result', async () => {
      const result = await cvm.client().request('DescribeInstances', {
        InstanceIds: [WEB_1],
      });
      expect(result.InstanceSet[0].InstanceName).toBe('web-1');
    });
  });
});

describe('a signed raw request with a malformed JSON body', () => {
  it('should get the InvalidParameter envelope', async () => {
    const body = '{"Limit": 1,';
    const res = await fetch(`http://${cvm.host}/`, {
      method: 'POST',
      headers: signedHeaders({
        ...DEMO_KEY,
        action: 'DescribeInstances',
        host: cvm.host,
        body,
      }),
      body,
    });
    const json = (await res.json()) as {
      Response: { Error: { Code: string }; RequestId: string };
    };
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(json.Response.Error.Code).toBe('InvalidParameter');
    expect(json.Response.RequestId).toBe(res.headers.get('x-tc-requestid'));
  });
});
