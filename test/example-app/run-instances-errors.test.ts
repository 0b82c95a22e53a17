import { describe, expect, it } from 'vitest';
import { call, failure, testApp } from './support.js';

const RUN = {
  Placement: { Zone: 'ap-guangzhou-6' },
  ImageId: 'img-487zeit5',
  InstanceType: 'SA2.MEDIUM4',
};

const run = (params: object) =>
  call(testApp().app, 'RunInstances', { ...RUN, ...params });

describe('RunInstances', () => {
  describe('when Placement is missing', () => {
    it('should answer MissingParameter', async () => {
      const res = await run({ Placement: undefined });
      expect(failure(res, 'MissingParameter').Message).toBe(
        'The request is missing a required parameter `Placement`.',
      );
    });
  });

  describe('when Placement.Zone is missing', () => {
    it('should answer MissingParameter naming Placement.Zone', async () => {
      const res = await run({ Placement: { ProjectId: 0 } });
      expect(failure(res, 'MissingParameter').Message).toContain(
        '`Placement.Zone`',
      );
    });
  });

  describe.each(['ImageId', 'InstanceType'])('when %s is missing', (name) => {
    it('should answer MissingParameter', async () => {
      const res = await run({ [name]: undefined });
      expect(failure(res, 'MissingParameter').Message).toContain(`\`${name}\``);
    });
  });

  describe('when the zone is not one of the region', () => {
    it('should answer InvalidZone.MismatchRegion', async () => {
      const res = await run({ Placement: { Zone: 'ap-shanghai-4' } });
      failure(res, 'InvalidZone.MismatchRegion');
    });
  });

  describe('when the image id is malformed', () => {
    it('should answer InvalidImageId.Malformed', async () => {
      failure(await run({ ImageId: 'ubuntu' }), 'InvalidImageId.Malformed');
    });
  });

  describe('when the image does not exist', () => {
    it('should answer InvalidImageId.NotFound', async () => {
      const res = await run({ ImageId: 'img-00000000' });
      failure(res, 'InvalidImageId.NotFound');
    });
  });

  describe('when the instance type is malformed', () => {
    it('should answer InvalidInstanceType.Malformed', async () => {
      const res = await run({ InstanceType: 's5-medium' });
      failure(res, 'InvalidInstanceType.Malformed');
    });
  });

  describe('when the instance type does not exist', () => {
    it('should answer InvalidParameterValue.InstanceTypeNotFound', async () => {
      const res = await run({ InstanceType: 'S9.HUGE512' });
      failure(res, 'InvalidParameterValue.InstanceTypeNotFound');
    });
  });

  describe.each([
    [0, 'at least 1'],
    [101, 'at most 100'],
  ])('when InstanceCount is %i', (count, limit) => {
    it('should answer InvalidParameterValue', async () => {
      const res = await run({ InstanceCount: count });
      expect(failure(res, 'InvalidParameterValue').Message).toBe(
        `The value of the parameter \`InstanceCount\` must be ${limit}.`,
      );
    });
  });

  describe('when InstanceName is longer than 128 characters', () => {
    it('should answer InvalidInstanceName.TooLong', async () => {
      const res = await run({ InstanceName: 'x'.repeat(129) });
      failure(res, 'InvalidInstanceName.TooLong');
    });
  });

  describe('when InstanceChargeType is not one this service sells', () => {
    it('should answer InvalidParameterValue', async () => {
      const res = await run({ InstanceChargeType: 'SPOTPAID' });
      expect(failure(res, 'InvalidParameterValue').Message).toBe(
        'The value of the parameter `InstanceChargeType` must be one of POSTPAID_BY_HOUR, PREPAID.',
      );
    });
  });

  describe('when DryRun is not a boolean', () => {
    it('should answer InvalidParameter', async () => {
      const res = await run({ DryRun: 'true' });
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `DryRun` must be of type Boolean.',
      );
    });
  });
});
