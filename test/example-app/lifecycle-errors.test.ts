import { describe, expect, it } from 'vitest';
import { call, failure, SEEDED, testApp } from './support.js';

const ACTIONS = [
  'StartInstances',
  'StopInstances',
  'RebootInstances',
  'TerminateInstances',
] as const;

describe.each(ACTIONS)('%s', (action) => {
  const send = (params: object) => call(testApp().app, action, params);

  describe('when an instance does not exist', () => {
    it('should answer InvalidInstanceId.NotFound', async () => {
      const res = await send({ InstanceIds: ['ins-zzzzzzzz'] });
      expect(failure(res, 'InvalidInstanceId.NotFound').Message).toBe(
        'The instance `ins-zzzzzzzz` does not exist.',
      );
    });
  });

  describe('when the instance is in another region', () => {
    it('should answer InvalidInstanceId.NotFound', async () => {
      const res = await send({ InstanceIds: [SEEDED.shanghai] });
      failure(res, 'InvalidInstanceId.NotFound');
    });
  });

  describe('when an instance id is malformed', () => {
    it('should answer InvalidInstanceId.Malformed', async () => {
      const res = await send({ InstanceIds: ['ins-2MB7Q1XA'] });
      failure(res, 'InvalidInstanceId.Malformed');
    });
  });

  describe('when InstanceIds is missing', () => {
    it('should answer MissingParameter', async () => {
      const res = await send({});
      expect(failure(res, 'MissingParameter').Message).toBe(
        'The request is missing a required parameter `InstanceIds`.',
      );
    });
  });

  describe('when InstanceIds is empty', () => {
    it('should answer InvalidParameterValue', async () => {
      const res = await send({ InstanceIds: [] });
      expect(failure(res, 'InvalidParameterValue').Message).toBe(
        'The parameter `InstanceIds` must have at least 1 item.',
      );
    });
  });

  describe('when more than 100 instance ids are given', () => {
    it('should answer InvalidParameterValue.LimitExceeded', async () => {
      const InstanceIds = Array.from({ length: 101 }, () => SEEDED.web1);
      failure(
        await send({ InstanceIds }),
        'InvalidParameterValue.LimitExceeded',
      );
    });
  });
});

describe.each(['StopInstances', 'RebootInstances'])('%s', (action) => {
  describe('when StopType is not SOFT, HARD or SOFT_FIRST', () => {
    it('should answer InvalidParameterValue', async () => {
      const res = await call(testApp().app, action, {
        InstanceIds: [SEEDED.web1],
        StopType: 'GENTLE',
      });
      expect(failure(res, 'InvalidParameterValue').Message).toBe(
        'The value of the parameter `StopType` must be one of SOFT, HARD, SOFT_FIRST.',
      );
    });
  });
});
