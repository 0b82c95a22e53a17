import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import { call, failure, SEEDED, states, success, testApp } from './support.js';

type Setup = (app: Express, tick: () => void) => Promise<string>;

// Each setup leaves one instance in the state named and returns its id.
const running: Setup = async () => SEEDED.web1;
const stopped: Setup = async () => SEEDED.batch1;
const after =
  (action: string, id: string): Setup =>
  async (app) => {
    success(await call(app, action, { InstanceIds: [id] }));
    return id;
  };
const pending: Setup = async (app) => {
  const res = await call(app, 'RunInstances', {
    Placement: { Zone: 'ap-guangzhou-3' },
    ImageId: 'img-9qrfy1xt',
    InstanceType: 'S5.SMALL2',
  });
  return success(res).InstanceIdSet[0];
};
const shutdown: Setup = async (app, tick) => {
  const id = await after('TerminateInstances', SEEDED.db1)(app, tick);
  tick();
  return id;
};

describe.each([
  ['StopInstances', 'STOPPED', stopped],
  ['StopInstances', 'STOPPING', after('StopInstances', SEEDED.web1)],
  ['StopInstances', 'PENDING', pending],
  ['StartInstances', 'RUNNING', running],
  ['StartInstances', 'STARTING', after('StartInstances', SEEDED.batch1)],
  ['StartInstances', 'SHUTDOWN', shutdown],
  ['RebootInstances', 'STOPPED', stopped],
  ['RebootInstances', 'REBOOTING', after('RebootInstances', SEEDED.web1)],
  ['RebootInstances', 'TERMINATING', after('TerminateInstances', SEEDED.web1)],
  ['TerminateInstances', 'PENDING', pending],
  [
    'TerminateInstances',
    'TERMINATING',
    after('TerminateInstances', SEEDED.web2),
  ],
] as const)('%s', (action, state, setup) => {
  describe(`when the instance is ${state}`, () => {
    const code = `UnsupportedOperation.InstanceState${
      state[0] + state.slice(1).toLowerCase()
    }`;

    it(`should answer ${code}`, async () => {
      const { app, tick } = testApp();
      const id = await setup(app, tick);
      const res = await call(app, action, { InstanceIds: [id] });
      expect(failure(res, code).Message).toBe(
        `The operation is not supported for the instance \`${id}\` in state \`${state}\`.`,
      );
    });
  });
});

describe('StopInstances', () => {
  describe('when one instance of a batch cannot be stopped', () => {
    it('should answer the error for that instance', async () => {
      const res = await call(testApp().app, 'StopInstances', {
        InstanceIds: [SEEDED.web1, SEEDED.batch1],
      });
      const error = failure(res, 'UnsupportedOperation.InstanceStateStopped');
      expect(error.Message).toContain(SEEDED.batch1);
    });

    it('should stop none of them', async () => {
      const { app } = testApp();
      await call(app, 'StopInstances', {
        InstanceIds: [SEEDED.web1, SEEDED.batch1],
      });
      expect((await states(app))[SEEDED.web1]).toBe('RUNNING');
    });
  });
});
