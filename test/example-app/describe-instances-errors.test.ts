import { describe, expect, it } from 'vitest';
import { call, failure, SEEDED, testApp } from './support.js';

const describeInstances = (params: object) =>
  call(testApp().app, 'DescribeInstances', params);

const zone = (...Values: string[]) => ({ Name: 'zone', Values });

describe('DescribeInstances', () => {
  describe('when Limit is out of 1..100', () => {
    it('should answer InvalidParameterValue for 0', async () => {
      const res = await describeInstances({ Limit: 0 });
      expect(failure(res, 'InvalidParameterValue').Message).toBe(
        'The value of the parameter `Limit` must be at least 1.',
      );
    });

    it('should answer InvalidParameterValue for 101', async () => {
      const res = await describeInstances({ Limit: 101 });
      expect(failure(res, 'InvalidParameterValue').Message).toBe(
        'The value of the parameter `Limit` must be at most 100.',
      );
    });
  });

  describe('when Offset is negative', () => {
    it('should answer InvalidParameterValue', async () => {
      const res = await describeInstances({ Offset: -1 });
      expect(failure(res, 'InvalidParameterValue').Message).toBe(
        'The value of the parameter `Offset` must be at least 0.',
      );
    });
  });

  describe('when an instance id is malformed', () => {
    it('should answer InvalidInstanceId.Malformed', async () => {
      const res = await describeInstances({
        InstanceIds: [SEEDED.web1, 'ins-1'],
      });
      const error = failure(res, 'InvalidInstanceId.Malformed');
      expect(error.Message).toContain('`ins-1`');
    });
  });

  describe('when more than 100 instance ids are given', () => {
    it('should answer InvalidParameterValue.LimitExceeded', async () => {
      const InstanceIds = Array.from({ length: 101 }, () => SEEDED.web1);
      const res = await describeInstances({ InstanceIds });
      expect(failure(res, 'InvalidParameterValue.LimitExceeded').Message).toBe(
        'The parameter `InstanceIds` accepts at most 100 values.',
      );
    });
  });

  describe('when both InstanceIds and Filters are given', () => {
    it('should answer InvalidParameter', async () => {
      const res = await describeInstances({
        InstanceIds: [SEEDED.web1],
        Filters: [zone('ap-guangzhou-3')],
      });
      failure(res, 'InvalidParameter');
    });
  });

  describe('when a filter name is not supported', () => {
    it('should answer InvalidFilter', async () => {
      const res = await describeInstances({
        Filters: [{ Name: 'vpc-id', Values: ['vpc-3rsb5t7k'] }],
      });
      expect(failure(res, 'InvalidFilter').Message).toContain('`vpc-id`');
    });
  });

  describe('when a filter has more than 5 values', () => {
    it('should answer InvalidFilterValue.LimitExceeded', async () => {
      const Values = ['a', 'b', 'c', 'd', 'e', 'f'];
      const res = await describeInstances({
        Filters: [{ Name: 'instance-name', Values }],
      });
      failure(res, 'InvalidFilterValue.LimitExceeded');
    });
  });

  describe('when more than 10 filters are given', () => {
    it('should answer InvalidParameterValue.LimitExceeded', async () => {
      const Filters = Array.from({ length: 11 }, () => zone('ap-guangzhou-3'));
      const res = await describeInstances({ Filters });
      expect(failure(res, 'InvalidParameterValue.LimitExceeded').Message).toBe(
        'The parameter `Filters` accepts at most 10 values.',
      );
    });
  });

  describe('when a zone filter names a zone of another region', () => {
    it('should answer InvalidZone.MismatchRegion', async () => {
      const res = await describeInstances({
        Filters: [zone('ap-guangzhou-3', 'ap-shanghai-4')],
      });
      const error = failure(res, 'InvalidZone.MismatchRegion');
      expect(error.Message).toContain('`ap-shanghai-4`');
    });
  });
});
