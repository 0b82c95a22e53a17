import {
  instanceIdMalformed,
  instanceNotFound,
  tooManyValues,
} from './errors.js';
import type { Instance } from './instance.js';
import type { InstanceStore } from './store.js';

const INSTANCE_ID = /^ins-[a-z0-9]{8}$/;
const MAX_INSTANCE_IDS = 100;

/**
 * The schema of an `InstanceIds` list. Its length limit and the format of
 * each id are checked by {@link checkInstanceIds}, which answers with the
 * CVM codes for them.
 */
export const INSTANCE_IDS = Object.freeze({
  type: 'array',
  items: { type: 'string' },
});

/**
 * Throws `InvalidParameterValue.LimitExceeded` for more than 100 ids,
 * then `InvalidInstanceId.Malformed` for the first malformed one.
 */
export function checkInstanceIds(ids: readonly string[]): void {
  if (ids.length > MAX_INSTANCE_IDS) {
    throw tooManyValues('InstanceIds', MAX_INSTANCE_IDS);
  }
  const malformed = ids.find((id) => !INSTANCE_ID.test(id));
  if (malformed !== undefined) throw instanceIdMalformed(malformed);
}

/**
 * The instances a batch operation names, each once. Every id must be well
 * formed and exist in the region, or the whole request fails.
 */
export function findInstances(
  store: InstanceStore,
  region: string,
  ids: readonly string[],
): Instance[] {
  checkInstanceIds(ids);
  return [...new Set(ids)].map((id) => {
    const instance = store.find(region, id);
    if (!instance) throw instanceNotFound(id);
    return instance;
  });
}
