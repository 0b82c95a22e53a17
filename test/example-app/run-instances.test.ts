import { describe, expect, it } from 'vitest';
import { call, failure, states, success, testApp } from './support.js';

const RUN = {
  Placement: { Zone: 'ap-guangzhou-6' },
  ImageId: 'img-487zeit5',
  InstanceType: 'SA2.MEDIUM4',
  InstanceName: 'api',
};

async function run(params: object = {}) {
  const context = testApp();
  const res = await call(context.app, 'RunInstances', { ...RUN, ...params });
  return { ...context, res };
}

async function describeOne(app: Parameters<typeof call>[0], id: string) {
  const res = await call(app, 'DescribeInstances', { InstanceIds: [id] });
  return success(res).InstanceSet[0];
}

describe('RunInstances', () => {
  describe('when the parameters are valid', () => {
    it('should answer the id of the new instance', async () => {
      const { res } = await run();
      expect(success(res).InstanceIdSet).toEqual([
        expect.stringMatching(/^ins-[a-z0-9]{8}$/),
      ]);
    });

    it('should create the instance PENDING', async () => {
      const { app, res } = await run();
      const [id] = success(res).InstanceIdSet;
      expect((await states(app))[id]).toBe('PENDING');
    });

    it('should make it RUNNING once the launch completes', async () => {
      const { app, res, tick } = await run();
      const [id] = success(res).InstanceIdSet;
      tick();
      expect((await states(app))[id]).toBe('RUNNING');
    });

    it('should describe it as requested', async () => {
      const { app, res } = await run();
      const [id] = success(res).InstanceIdSet;
      expect(await describeOne(app, id)).toMatchObject({
        InstanceName: 'api',
        Placement: { Zone: 'ap-guangzhou-6', ProjectId: 0 },
        ImageId: 'img-487zeit5',
        InstanceType: 'SA2.MEDIUM4',
        CPU: 2,
        Memory: 4,
        InstanceChargeType: 'POSTPAID_BY_HOUR',
        CreatedTime: '2024-06-01T00:00:00Z',
      });
    });

    it('should record the request as the latest operation', async () => {
      const { app, res } = await run();
      const { InstanceIdSet, RequestId } = success(res);
      expect(await describeOne(app, InstanceIdSet[0])).toMatchObject({
        LatestOperation: 'RunInstances',
        LatestOperationState: 'OPERATING',
        LatestOperationRequestId: RequestId,
      });
    });
  });

  describe('when InstanceCount is given', () => {
    it('should create that many instances', async () => {
      const { res } = await run({ InstanceCount: 3 });
      expect(new Set(success(res).InstanceIdSet).size).toBe(3);
    });

    it('should number the names the instances share', async () => {
      const { app } = await run({ InstanceCount: 3 });
      const res = await call(app, 'DescribeInstances', {
        Filters: [{ Name: 'instance-name', Values: ['api'] }],
      });
      const names = success(res).InstanceSet.map(
        (i: { InstanceName: string }) => i.InstanceName,
      );
      expect(names.sort()).toEqual(['api1', 'api2', 'api3']);
    });
  });

  describe('when InstanceName is not given', () => {
    it('should name the instance Unnamed', async () => {
      const { app, res } = await run({ InstanceName: undefined });
      const [id] = success(res).InstanceIdSet;
      expect((await describeOne(app, id)).InstanceName).toBe('Unnamed');
    });
  });

  describe('when InstanceChargeType is PREPAID', () => {
    it('should create a prepaid instance', async () => {
      const { app, res } = await run({ InstanceChargeType: 'PREPAID' });
      const [id] = success(res).InstanceIdSet;
      expect(await describeOne(app, id)).toMatchObject({
        InstanceChargeType: 'PREPAID',
        RenewFlag: 'NOTIFY_AND_MANUAL_RENEW',
      });
    });
  });

  describe('when DryRun is true and every check passes', () => {
    it('should answer DryRunOperation', async () => {
      const { res } = await run({ DryRun: true });
      expect(failure(res, 'DryRunOperation').Message).toBe(
        'The request would have succeeded, but DryRun was set.',
      );
    });

    it('should create nothing', async () => {
      const { app } = await run({ DryRun: true });
      expect(Object.keys(await states(app))).toHaveLength(5);
    });
  });

  describe('when DryRun is true and a check fails', () => {
    it("should answer that check's error", async () => {
      const { res } = await run({ DryRun: true, ImageId: 'img-00000000' });
      failure(res, 'InvalidImageId.NotFound');
    });
  });
});
