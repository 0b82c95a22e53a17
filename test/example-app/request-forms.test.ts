import { describe, expect, it } from 'vitest';
import {
  callGet,
  callV1,
  failure,
  SEEDED,
  states,
  success,
  testApp,
} from './support.js';

type Send = (
  app: ReturnType<typeof testApp>['app'],
  action: string,
  query: string,
) => ReturnType<typeof callGet>;

// GET queries and v1 forms carry every value as a string; the schemas
// turn them back into integers, booleans, lists and objects.
const v1 =
  (method: 'GET' | 'POST'): Send =>
  (app, action, query) =>
    callV1(app, method, action, query);

describe.each<[string, Send]>([
  ['a TC3 GET', callGet],
  ['a v1 GET', v1('GET')],
  ['a v1 form POST', v1('POST')],
])('the CVM service, sent %s', (_, send) => {
  describe('when paging with Offset and Limit', () => {
    it('should read them as integers', async () => {
      const query = 'Offset=1&Limit=2';
      const res = await send(testApp().app, 'DescribeInstances', query);
      const ids = success(res).InstanceSet.map(
        (i: { InstanceId: string }) => i.InstanceId,
      );
      expect(ids).toEqual([SEEDED.web1, SEEDED.db1]);
    });
  });

  describe('when Limit is not a number', () => {
    it('should answer InvalidParameter', async () => {
      const res = await send(testApp().app, 'DescribeInstances', 'Limit=two');
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `Limit` must be of type Integer.',
      );
    });
  });

  describe('when a filter has several values', () => {
    it('should read them as a list', async () => {
      const query =
        'Filters.0.Name=zone&Filters.0.Values.0=ap-guangzhou-6&' +
        'Filters.0.Values.1=ap-guangzhou-7';
      const res = await send(testApp().app, 'DescribeInstances', query);
      expect(success(res).TotalCount).toBe(2);
    });
  });

  describe('when given one instance id without an index', () => {
    it('should read it as a list of one', async () => {
      const { app } = testApp();
      const query = `InstanceIds=${SEEDED.web1}`;
      success(await send(app, 'StopInstances', query));
      expect((await states(app))[SEEDED.web1]).toBe('STOPPING');
    });
  });

  describe('when launching with a nested Placement and DryRun', () => {
    it('should read an object, an integer and a boolean', async () => {
      const query =
        'Placement.Zone=ap-guangzhou-3&Placement.ProjectId=0&' +
        'ImageId=img-9qrfy1xt&InstanceType=S5.SMALL2&InstanceCount=2&' +
        'DryRun=true';
      const res = await send(testApp().app, 'RunInstances', query);
      failure(res, 'DryRunOperation');
    });
  });

  describe('when a boolean is neither true nor false', () => {
    it('should answer InvalidParameter', async () => {
      const query = `InstanceIds.0=${SEEDED.web1}&ReleaseAddress=yes`;
      const res = await send(testApp().app, 'TerminateInstances', query);
      expect(failure(res, 'InvalidParameter').Message).toBe(
        'The parameter `ReleaseAddress` must be of type Boolean.',
      );
    });
  });
});
