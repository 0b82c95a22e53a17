import { ApiError, type ActionHandler } from 'express-tcapi';
import { cvmAction } from './action.js';
import { instanceState } from './errors.js';
import type { Instance, InstanceState } from './instance.js';
import { findInstances } from './instance-ids.js';
import type { Schema } from './params.js';
import type { InstanceStore, Operation } from './store.js';

interface LifecycleParams {
  InstanceIds: string[];
}

const INSTANCE_IDS: Schema = {
  InstanceIds: {
    type: 'Array',
    required: true,
    items: { type: 'String' },
    maxItems: 100,
  },
};

const STOP_TYPE: Schema = {
  StopType: { type: 'String', oneOf: ['SOFT', 'HARD', 'SOFT_FIRST'] },
};

type Plan = Pick<Operation, 'during' | 'after'>;

/**
 * A batch operation: every instance must exist and be in one of the `from`
 * states, or nothing happens and the first offender is reported.
 */
function lifecycle(
  store: InstanceStore,
  name: string,
  schema: Schema,
  from: readonly InstanceState[],
  plan: (instance: Instance) => Plan,
): ActionHandler {
  return cvmAction<LifecycleParams>(schema, ({ params, region, context }) => {
    if (params.InstanceIds.length === 0) {
      throw new ApiError(
        'InvalidParameterValue',
        'The parameter `InstanceIds` must not be empty.',
      );
    }
    const instances = findInstances(store, region, params.InstanceIds);
    for (const { InstanceId, InstanceState } of instances) {
      if (!from.includes(InstanceState)) {
        throw instanceState(InstanceId, InstanceState);
      }
    }
    for (const instance of instances) {
      const operation = { name, requestId: context.requestId };
      store.begin(instance.InstanceId, { ...operation, ...plan(instance) });
    }
  });
}

export const startInstances = (store: InstanceStore) =>
  lifecycle(store, 'StartInstances', INSTANCE_IDS, ['STOPPED'], () => ({
    during: 'STARTING',
    after: 'RUNNING',
  }));

export const stopInstances = (store: InstanceStore) =>
  lifecycle(
    store,
    'StopInstances',
    { ...INSTANCE_IDS, ...STOP_TYPE },
    ['RUNNING'],
    () => ({ during: 'STOPPING', after: 'STOPPED' }),
  );

export const rebootInstances = (store: InstanceStore) =>
  lifecycle(
    store,
    'RebootInstances',
    { ...INSTANCE_IDS, ...STOP_TYPE },
    ['RUNNING'],
    () => ({ during: 'REBOOTING', after: 'RUNNING' }),
  );

/**
 * A pay-as-you-go instance is destroyed. A prepaid one first goes to the
 * recycle bin (SHUTDOWN); terminating it again destroys it.
 */
export const terminateInstances = (store: InstanceStore) =>
  lifecycle(
    store,
    'TerminateInstances',
    {
      ...INSTANCE_IDS,
      ReleaseAddress: { type: 'Boolean' },
      ReleasePrepaidDataDisks: { type: 'Boolean' },
    },
    ['RUNNING', 'STOPPED', 'SHUTDOWN'],
    (instance): Plan =>
      instance.InstanceChargeType === 'PREPAID' &&
      instance.InstanceState !== 'SHUTDOWN'
        ? { during: 'SHUTDOWN', after: 'SHUTDOWN' }
        : { during: 'TERMINATING', after: null },
  );
