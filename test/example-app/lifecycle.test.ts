import { describe, expect, it } from 'vitest';
import { call, SEEDED, states, success, testApp } from './support.js';

describe.each([
  {
    action: 'StopInstances',
    id: SEEDED.web1,
    during: 'STOPPING',
    after: 'STOPPED',
  },
  {
    action: 'StartInstances',
    id: SEEDED.batch1,
    during: 'STARTING',
    after: 'RUNNING',
  },
  {
    action: 'RebootInstances',
    id: SEEDED.web2,
    during: 'REBOOTING',
    after: 'RUNNING',
  },
])('$action', ({ action, id, during, after }) => {
  describe('when the instance is in a state it accepts', () => {
    it('should answer just a RequestId', async () => {
      const res = await call(testApp().app, action, { InstanceIds: [id] });
      expect(Object.keys(success(res))).toEqual(['RequestId']);
    });

    it(`should put the instance in ${during}`, async () => {
      const { app } = testApp();
      await call(app, action, { InstanceIds: [id] });
      expect((await states(app))[id]).toBe(during);
    });

    it(`should leave it ${after} once the operation completes`, async () => {
      const { app, tick } = testApp();
      await call(app, action, { InstanceIds: [id] });
      tick();
      expect((await states(app))[id]).toBe(after);
    });

    it('should record the operation on the instance', async () => {
      const { app, tick } = testApp();
      const res = await call(app, action, { InstanceIds: [id] });
      tick();
      const described = await call(app, 'DescribeInstances', {
        InstanceIds: [id],
      });
      expect(success(described).InstanceSet[0]).toMatchObject({
        LatestOperation: action,
        LatestOperationState: 'SUCCESS',
        LatestOperationRequestId: res.body.Response.RequestId,
      });
    });
  });
});

describe('StopInstances', () => {
  describe('when given several instances', () => {
    it('should stop them all', async () => {
      const { app } = testApp();
      await call(app, 'StopInstances', {
        InstanceIds: [SEEDED.web1, SEEDED.web2],
      });
      expect(await states(app)).toMatchObject({
        [SEEDED.web1]: 'STOPPING',
        [SEEDED.web2]: 'STOPPING',
      });
    });
  });

  describe('when an instance is named twice', () => {
    it('should stop it without an error', async () => {
      const { app } = testApp();
      const res = await call(app, 'StopInstances', {
        InstanceIds: [SEEDED.web1, SEEDED.web1],
      });
      success(res);
      expect((await states(app))[SEEDED.web1]).toBe('STOPPING');
    });
  });

  describe('when StopType is given', () => {
    it('should accept HARD', async () => {
      const res = await call(testApp().app, 'StopInstances', {
        InstanceIds: [SEEDED.web1],
        StopType: 'HARD',
      });
      success(res);
    });
  });
});
