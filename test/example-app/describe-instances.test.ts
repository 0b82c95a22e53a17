import { describe, expect, it } from 'vitest';
import { call, SEEDED, success, testApp } from './support.js';

const describeInstances = (params: object = {}) =>
  call(testApp().app, 'DescribeInstances', params);

const names = (response: Record<string, any>) =>
  response.InstanceSet.map((i: { InstanceName: string }) => i.InstanceName);

describe('DescribeInstances', () => {
  describe('when called without parameters', () => {
    it("should answer the region's instances, newest first", async () => {
      const response = success(await describeInstances());
      expect(response.TotalCount).toBe(5);
      expect(names(response)).toEqual([
        'web-2',
        'web-1',
        'db-1',
        'batch-1',
        'legacy-1',
      ]);
    });

    it('should describe each instance with the real model fields', async () => {
      const response = success(await describeInstances());
      expect(response.InstanceSet[1]).toMatchObject({
        InstanceId: SEEDED.web1,
        InstanceName: 'web-1',
        InstanceState: 'RUNNING',
        InstanceType: 'S5.MEDIUM4',
        InstanceChargeType: 'POSTPAID_BY_HOUR',
        Placement: { Zone: 'ap-guangzhou-3', ProjectId: 0 },
        ImageId: 'img-9qrfy1xt',
        CPU: 2,
        Memory: 4,
        CreatedTime: '2024-03-01T08:00:00Z',
        PrivateIpAddresses: ['10.0.1.11'],
        PublicIpAddresses: ['119.29.10.21'],
        OsName: 'TencentOS Server 3.1 (TK4)',
      });
    });

    it('should leave out the instances of other regions', async () => {
      const response = success(await describeInstances());
      const ids = response.InstanceSet.map(
        (i: { InstanceId: string }) => i.InstanceId,
      );
      expect(ids).not.toContain(SEEDED.shanghai);
    });
  });

  describe('when given InstanceIds', () => {
    it('should answer only those instances', async () => {
      const response = success(
        await describeInstances({ InstanceIds: [SEEDED.db1, SEEDED.web2] }),
      );
      expect(response.TotalCount).toBe(2);
      expect(names(response)).toEqual(['web-2', 'db-1']);
    });

    it('should leave out well-formed ids that do not exist', async () => {
      const response = success(
        await describeInstances({ InstanceIds: ['ins-zzzzzzzz', SEEDED.db1] }),
      );
      expect(names(response)).toEqual(['db-1']);
    });
  });

  describe('when paging with Offset and Limit', () => {
    it('should answer Limit instances from Offset', async () => {
      const response = success(
        await describeInstances({ Offset: 1, Limit: 2 }),
      );
      expect(names(response)).toEqual(['web-1', 'db-1']);
    });

    it('should still count every match in TotalCount', async () => {
      const response = success(
        await describeInstances({ Offset: 1, Limit: 2 }),
      );
      expect(response.TotalCount).toBe(5);
    });

    it('should answer an empty set past the end', async () => {
      const response = success(await describeInstances({ Offset: 5 }));
      expect(response).toMatchObject({ TotalCount: 5, InstanceSet: [] });
    });

    it('should answer 20 instances when Limit is not given', async () => {
      const { app } = testApp();
      await call(app, 'RunInstances', {
        Placement: { Zone: 'ap-guangzhou-3' },
        ImageId: 'img-9qrfy1xt',
        InstanceType: 'S5.SMALL2',
        InstanceCount: 30,
      });
      const response = success(await call(app, 'DescribeInstances'));
      expect(response.TotalCount).toBe(35);
      expect(response.InstanceSet).toHaveLength(20);
    });
  });
});
