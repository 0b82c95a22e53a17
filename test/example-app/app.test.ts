import { describe, expect, it } from 'vitest';
import { createApp } from '../../example-app/app.js';
import { createStore } from '../../example-app/cvm/store.js';
import { call, SEEDED, states, success } from './support.js';

describe('createApp()', () => {
  describe('when called twice', () => {
    it('should give each app its own instances', async () => {
      const first = createApp();
      const second = createApp();
      success(
        await call(first, 'StopInstances', { InstanceIds: [SEEDED.web1] }),
      );
      expect((await states(second))[SEEDED.web1]).toBe('RUNNING');
    });
  });

  describe('when given a store', () => {
    it('should serve that store', async () => {
      const app = createApp({ store: createStore({ seed: false }) });
      const res = await call(app, 'DescribeInstances');
      expect(success(res)).toMatchObject({ TotalCount: 0, InstanceSet: [] });
    });
  });
});

describe('createStore()', () => {
  describe('when transitionMs is 0', () => {
    it('should complete transitions at once', async () => {
      const app = createApp({ store: createStore({ transitionMs: 0 }) });
      await call(app, 'StopInstances', { InstanceIds: [SEEDED.web1] });
      expect((await states(app))[SEEDED.web1]).toBe('STOPPED');
    });
  });

  describe('when its clock has not reached the end of a transition', () => {
    it('should keep the instance in the transitional state', async () => {
      let time = 0;
      const store = createStore({ now: () => time, transitionMs: 1000 });
      const app = createApp({ store });
      await call(app, 'StopInstances', { InstanceIds: [SEEDED.web1] });
      time = 999;
      expect((await states(app))[SEEDED.web1]).toBe('STOPPING');
    });
  });

  describe('when transitionMs is negative', () => {
    it('should throw an error naming the option', () => {
      expect(() => createStore({ transitionMs: -1 })).toThrow(
        /`transitionMs` must be a number of milliseconds/,
      );
    });
  });
});
