import { describe, expect, it } from 'vitest';
import { call, failure, SEEDED, success, testApp } from './support.js';

const describeStatus = (params: object = {}) =>
  call(testApp().app, 'DescribeInstancesStatus', params);

describe('DescribeInstancesStatus', () => {
  describe('when called without parameters', () => {
    it('should answer the state of every instance, newest first', async () => {
      const response = success(await describeStatus());
      expect(response).toEqual({
        TotalCount: 5,
        InstanceStatusSet: [
          { InstanceId: SEEDED.web2, InstanceState: 'RUNNING' },
          { InstanceId: SEEDED.web1, InstanceState: 'RUNNING' },
          { InstanceId: SEEDED.db1, InstanceState: 'RUNNING' },
          { InstanceId: SEEDED.batch1, InstanceState: 'STOPPED' },
          { InstanceId: SEEDED.legacy1, InstanceState: 'STOPPED' },
        ],
        RequestId: response.RequestId,
      });
    });
  });

  describe('when given InstanceIds', () => {
    it('should answer the states of those that exist', async () => {
      const response = success(
        await describeStatus({
          InstanceIds: [SEEDED.batch1, 'ins-zzzzzzzz'],
        }),
      );
      expect(response.InstanceStatusSet).toEqual([
        { InstanceId: SEEDED.batch1, InstanceState: 'STOPPED' },
      ]);
    });
  });

  describe('when paging with Offset and Limit', () => {
    it('should answer Limit states from Offset', async () => {
      const response = success(await describeStatus({ Offset: 3, Limit: 1 }));
      expect(response.InstanceStatusSet).toEqual([
        { InstanceId: SEEDED.batch1, InstanceState: 'STOPPED' },
      ]);
    });

    it('should still count every instance in TotalCount', async () => {
      const response = success(await describeStatus({ Offset: 3, Limit: 1 }));
      expect(response.TotalCount).toBe(5);
    });
  });

  describe('when Limit is above 100', () => {
    it('should answer InvalidParameterValue', async () => {
      failure(await describeStatus({ Limit: 101 }), 'InvalidParameterValue');
    });
  });

  describe('when an instance id is malformed', () => {
    it('should answer InvalidInstanceId.Malformed', async () => {
      const res = await describeStatus({ InstanceIds: ['i-2mb7q1xa'] });
      failure(res, 'InvalidInstanceId.Malformed');
    });
  });

  describe('when given Filters, which it does not take', () => {
    it('should answer UnknownParameter', async () => {
      const res = await describeStatus({ Filters: [] });
      expect(failure(res, 'UnknownParameter').Message).toBe(
        'The parameter `Filters` is not recognized.',
      );
    });
  });
});
