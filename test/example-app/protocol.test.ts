import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { call, failure, success, testApp } from './support.js';

const describeIn = (region: string | null, params: object = {}) =>
  call(testApp().app, 'DescribeInstances', params, { region });

describe('the CVM service', () => {
  describe('when X-TC-Region is missing', () => {
    it('should answer MissingParameter naming Region', async () => {
      const res = await describeIn(null);
      expect(failure(res, 'MissingParameter').Message).toBe(
        'The request is missing a required parameter `Region`.',
      );
    });
  });

  describe('when the region is not served', () => {
    it('should answer UnsupportedRegion without echoing it', async () => {
      const res = await describeIn('eu-frankfurt');
      expect(failure(res, 'UnsupportedRegion').Message).toBe(
        'The request `Region` is not supported by this API.',
      );
    });
  });

  describe('when both the region and a parameter are wrong', () => {
    it('should report the region first, as the real service does', async () => {
      const res = await describeIn(null, { Lmit: 1 });
      failure(res, 'MissingParameter');
    });
  });

  describe('when asked in another region', () => {
    it("should answer that region's instances", async () => {
      const res = await describeIn('ap-shanghai');
      expect(success(res).TotalCount).toBe(1);
    });
  });

  describe('when the action does not exist', () => {
    it('should answer InvalidAction', async () => {
      const res = await call(testApp().app, 'DescribeDragons');
      expect(failure(res, 'InvalidAction').Message).toBe(
        'The request `Action` is invalid or not found.',
      );
    });
  });

  describe('when the version does not exist', () => {
    it('should answer NoSuchVersion', async () => {
      const res = await call(
        testApp().app,
        'DescribeInstances',
        {},
        { version: '2099-01-01' },
      );
      expect(failure(res, 'NoSuchVersion').Message).toBe(
        'The request `Version` is invalid or not found.',
      );
    });
  });

  describe('when the body is not valid JSON', () => {
    it('should answer InvalidParameter', async () => {
      const res = await request(testApp().app)
        .post('/')
        .set('Content-Type', 'application/json')
        .set('X-TC-Action', 'DescribeInstances')
        .set('X-TC-Version', '2017-03-12')
        .set('X-TC-Region', 'ap-guangzhou')
        .send('{"Limit": ');
      failure(res, 'InvalidParameter');
    });
  });

  describe('when the request is for another path', () => {
    it('should answer InvalidAction', async () => {
      const res = await request(testApp().app).post('/v2/instances').send({});
      failure(res, 'InvalidAction');
    });
  });
});
