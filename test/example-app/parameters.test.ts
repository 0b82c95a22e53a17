import { describe, expect, it } from 'vitest';
import { call, failure, testApp } from './support.js';

const describeInstances = (params: object) =>
  call(testApp().app, 'DescribeInstances', params);

describe('parameter checks', () => {
  describe('when a parameter is not declared', () => {
    it('should answer UnknownParameter naming it', async () => {
      const res = await describeInstances({ Limit: 1, Lmit: 1 });
      expect(failure(res, 'UnknownParameter').Message).toBe(
        'The parameter `Lmit` is not recognized.',
      );
    });
  });

  describe('when a nested parameter is not declared', () => {
    it('should name it by its path', async () => {
      const res = await describeInstances({
        Filters: [{ Name: 'zone', Values: ['ap-guangzhou-3'], Value: 'x' }],
      });
      expect(failure(res, 'UnknownParameter').Message).toBe(
        'The parameter `Filters.0.Value` is not recognized.',
      );
    });
  });

  describe('when a required nested parameter is missing', () => {
    it('should answer MissingParameter naming it by its path', async () => {
      const res = await describeInstances({ Filters: [{ Name: 'zone' }] });
      expect(failure(res, 'MissingParameter').Message).toBe(
        'The request is missing a required parameter `Filters.0.Values`.',
      );
    });
  });

  describe('when an integer comes as a string', () => {
    it('should answer InvalidParameter', async () => {
      const res = await describeInstances({ Limit: '5' });
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `Limit` must be of type Integer.',
      );
    });
  });

  describe('when an integer has a fraction', () => {
    it('should answer InvalidParameter', async () => {
      const res = await describeInstances({ Limit: 1.5 });
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `Limit` must be of type Integer.',
      );
    });
  });

  describe('when an array comes as a string in a JSON body', () => {
    it('should answer InvalidParameter', async () => {
      const res = await describeInstances({ InstanceIds: 'ins-2mb7q1xa' });
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `InstanceIds` must be of type Array of String.',
      );
    });
  });

  describe('when an array item has the wrong type', () => {
    it('should name the item by its index', async () => {
      const res = await describeInstances({ InstanceIds: [7] });
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `InstanceIds.0` must be of type String.',
      );
    });
  });

  describe('when an object comes as an array', () => {
    it('should answer InvalidParameter', async () => {
      const res = await call(testApp().app, 'RunInstances', {
        Placement: ['ap-guangzhou-3'],
        ImageId: 'img-9qrfy1xt',
        InstanceType: 'S5.SMALL2',
      });
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `Placement` must be of type Object.',
      );
    });
  });

  // The official SDKs drop null members before sending, so only a
  // hand-written request can carry one.
  describe('when a parameter is null', () => {
    it('should answer InvalidParameter', async () => {
      const res = await describeInstances({ Limit: null });
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `Limit` must be of type Integer.',
      );
    });
  });
});
