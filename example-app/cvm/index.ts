import { describeInstances, describeInstancesStatus } from './describe.js';
import {
  rebootInstances,
  startInstances,
  stopInstances,
  terminateInstances,
} from './lifecycle.js';
import type { CvmActions } from './models.js';
import { runInstances } from './run-instances.js';
import type { InstanceStore } from './store.js';

/** The API version this service implements. */
export const CVM_VERSION = '2017-03-12';

/** The CVM actions, all working on one store. */
export function cvmActions(store: InstanceStore): CvmActions {
  return {
    DescribeInstances: describeInstances(store),
    DescribeInstancesStatus: describeInstancesStatus(store),
    RunInstances: runInstances(store),
    StartInstances: startInstances(store),
    StopInstances: stopInstances(store),
    RebootInstances: rebootInstances(store),
    TerminateInstances: terminateInstances(store),
  };
}

export { REGIONS as CVM_REGIONS } from './catalog.js';
export type { CvmActions, CvmClient } from './models.js';
export { createStore, type InstanceStore, type StoreOptions } from './store.js';
