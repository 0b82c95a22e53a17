import type { ActionDefinition } from 'express-tcapi';
import { instanceState } from './errors.js';
import type { Instance, InstanceState } from './instance.js';
import { findInstances, INSTANCE_IDS } from './instance-ids.js';
import { regionOf, type CvmAction } from './models.js';
import type { InstanceStore, Operation } from './store.js';

type Plan = Pick<Operation, 'during' | 'after'>;

// What the four batch actions share; each SDK request model has at least
// this, so one definition fits all four entries of the table.
type BatchAction = ActionDefinition<{ InstanceIds: string[] }, object>;

const STOP_TYPE = { type: 'string', enum: ['SOFT', 'HARD', 'SOFT_FIRST'] };

/**
 * A batch operation: every instance must exist and be in one of the `from`
 * states, or nothing happens and the first offender is reported.
 */
function lifecycle(
  store: InstanceStore,
  name: string,
  properties: Record<string, unknown>,
  from: readonly InstanceState[],
  plan: (instance: Instance) => Plan,
): BatchAction {
  return {
    params: {
      type: 'object',
      properties: {
        InstanceIds: { ...INSTANCE_IDS, minItems: 1 },
        ...properties,
      },
      required: ['InstanceIds'],
    },
    handler: ({ InstanceIds }, context) => {
      const region = regionOf(context);
      const instances = findInstances(store, region, InstanceIds);
      for (const { InstanceId, InstanceState } of instances) {
        if (!from.includes(InstanceState)) {
          throw instanceState(InstanceId, InstanceState);
        }
      }
      for (const instance of instances) {
        const operation = { name, requestId: context.requestId };
        store.begin(instance.InstanceId, { ...operation, ...plan(instance) });
      }
      return {};
    },
  };
}

/** StartInstances: STOPPED instances start, then run. */
export const startInstances = (
  store: InstanceStore,
): CvmAction<'StartInstances'> =>
  lifecycle(store, 'StartInstances', {}, ['STOPPED'], () => ({
    during: 'STARTING',
    after: 'RUNNING',
  }));

/** StopInstances: RUNNING instances stop. */
export const stopInstances = (
  store: InstanceStore,
): CvmAction<'StopInstances'> =>
  lifecycle(
    store,
    'StopInstances',
    { StopType: STOP_TYPE },
    ['RUNNING'],
    () => ({ during: 'STOPPING', after: 'STOPPED' }),
  );

/** RebootInstances: RUNNING instances reboot and run again. */
export const rebootInstances = (
  store: InstanceStore,
): CvmAction<'RebootInstances'> =>
  lifecycle(
    store,
    'RebootInstances',
    { StopType: STOP_TYPE },
    ['RUNNING'],
    () => ({ during: 'REBOOTING', after: 'RUNNING' }),
  );

/**
 * TerminateInstances: a pay-as-you-go instance is destroyed. A prepaid
 * one first goes to the recycle bin (SHUTDOWN); terminating it again
 * destroys it.
 */
export const terminateInstances = (
  store: InstanceStore,
): CvmAction<'TerminateInstances'> =>
  lifecycle(
    store,
    'TerminateInstances',
    {
      ReleaseAddress: { type: 'boolean' },
      ReleasePrepaidDataDisks: { type: 'boolean' },
    },
    ['RUNNING', 'STOPPED', 'SHUTDOWN'],
    (instance): Plan =>
      instance.InstanceChargeType === 'PREPAID' &&
      instance.InstanceState !== 'SHUTDOWN'
        ? { during: 'SHUTDOWN', after: 'SHUTDOWN' }
        : { during: 'TERMINATING', after: null },
  );
