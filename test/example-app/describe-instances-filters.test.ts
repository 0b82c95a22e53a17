import { describe, expect, it } from 'vitest';
import { call, success, testApp } from './support.js';

const filtered = async (...Filters: { Name: string; Values: string[] }[]) => {
  const res = await call(testApp().app, 'DescribeInstances', { Filters });
  const response = success(res);
  const names = response.InstanceSet.map(
    (i: { InstanceName: string }) => i.InstanceName,
  );
  return { total: response.TotalCount as number, names };
};

describe('DescribeInstances', () => {
  describe('when filtering on zone', () => {
    it('should answer the instances of that zone', async () => {
      const { names } = await filtered({
        Name: 'zone',
        Values: ['ap-guangzhou-3'],
      });
      expect(names).toEqual(['web-1', 'db-1', 'legacy-1']);
    });

    it('should answer the instances of any of the zones given', async () => {
      const { names } = await filtered({
        Name: 'zone',
        Values: ['ap-guangzhou-6', 'ap-guangzhou-7'],
      });
      expect(names).toEqual(['web-2', 'batch-1']);
    });
  });

  describe('when filtering on instance-state', () => {
    it('should answer the instances in that state', async () => {
      const { names } = await filtered({
        Name: 'instance-state',
        Values: ['STOPPED'],
      });
      expect(names).toEqual(['batch-1', 'legacy-1']);
    });
  });

  describe('when filtering on instance-name', () => {
    it('should answer the instances whose name contains it', async () => {
      const { names } = await filtered({
        Name: 'instance-name',
        Values: ['web'],
      });
      expect(names).toEqual(['web-2', 'web-1']);
    });
  });

  describe('when several filters are given', () => {
    it('should answer the instances that match them all', async () => {
      const { names } = await filtered(
        { Name: 'zone', Values: ['ap-guangzhou-3'] },
        { Name: 'instance-state', Values: ['RUNNING'] },
      );
      expect(names).toEqual(['web-1', 'db-1']);
    });

    it('should count only the matches in TotalCount', async () => {
      const { total } = await filtered(
        { Name: 'zone', Values: ['ap-guangzhou-3'] },
        { Name: 'instance-state', Values: ['RUNNING'] },
      );
      expect(total).toBe(2);
    });
  });
});
