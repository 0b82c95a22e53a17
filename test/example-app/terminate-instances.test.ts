import { describe, expect, it } from 'vitest';
import { call, failure, SEEDED, states, success, testApp } from './support.js';

const terminate = (app: Parameters<typeof call>[0], id: string) =>
  call(app, 'TerminateInstances', { InstanceIds: [id] });

describe('TerminateInstances', () => {
  describe('when the instance is pay-as-you-go', () => {
    it('should answer just a RequestId', async () => {
      const res = await terminate(testApp().app, SEEDED.web1);
      expect(Object.keys(success(res))).toEqual(['RequestId']);
    });

    it('should put the instance in TERMINATING', async () => {
      const { app } = testApp();
      await terminate(app, SEEDED.web1);
      expect((await states(app))[SEEDED.web1]).toBe('TERMINATING');
    });

    it('should remove it once the operation completes', async () => {
      const { app, tick } = testApp();
      await terminate(app, SEEDED.web1);
      tick();
      expect(await states(app)).not.toHaveProperty(SEEDED.web1);
    });

    it('should then answer InvalidInstanceId.NotFound for it', async () => {
      const { app, tick } = testApp();
      await terminate(app, SEEDED.web1);
      tick();
      const res = await terminate(app, SEEDED.web1);
      failure(res, 'InvalidInstanceId.NotFound');
    });
  });

  describe('when the instance is stopped', () => {
    it('should terminate it too', async () => {
      const { app } = testApp();
      success(await terminate(app, SEEDED.batch1));
      expect((await states(app))[SEEDED.batch1]).toBe('TERMINATING');
    });
  });

  describe('when the instance is prepaid', () => {
    it('should move it to the recycle bin, SHUTDOWN', async () => {
      const { app, tick } = testApp();
      await terminate(app, SEEDED.db1);
      tick();
      expect((await states(app))[SEEDED.db1]).toBe('SHUTDOWN');
    });

    it('should destroy it when terminated again', async () => {
      const { app, tick } = testApp();
      await terminate(app, SEEDED.db1);
      tick();
      success(await terminate(app, SEEDED.db1));
      tick();
      expect(await states(app)).not.toHaveProperty(SEEDED.db1);
    });
  });

  describe('when ReleaseAddress is given', () => {
    it('should accept it', async () => {
      const res = await call(testApp().app, 'TerminateInstances', {
        InstanceIds: [SEEDED.web1],
        ReleaseAddress: true,
      });
      success(res);
    });
  });
});
