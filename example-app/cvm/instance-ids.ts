import { instanceIdMalformed, instanceNotFound } from './errors.js';
import type { Instance } from './instance.js';
import type { InstanceStore } from './store.js';

const INSTANCE_ID = /^ins-[a-z0-9]{8}$/;

/** Throws `InvalidInstanceId.Malformed` for the first malformed id. */
export function checkInstanceIdFormat(ids: readonly string[]): void {
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
  checkInstanceIdFormat(ids);
  return [...new Set(ids)].map((id) => {
    const instance = store.find(region, id);
    if (!instance) throw instanceNotFound(id);
    return instance;
  });
}
