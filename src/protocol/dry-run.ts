import { ApiError } from '../errors/api-error.js';
import * as messages from './messages.js';

/**
 * For actions that accept `DryRun`: call it once every check of the
 * request has passed and before anything changes. With `DryRun: true` it
 * throws `DryRunOperation`, which is how the real service answers a dry
 * run that would have succeeded.
 *
 * @example
 * RunInstances: async (params) => {
 *   checkZone(params.Placement.Zone);
 *   checkDryRun(params);
 *   return { InstanceIdSet: store.run(params) };
 * }
 */
export function checkDryRun(params: { readonly DryRun?: unknown }): void {
  if (params.DryRun === true)
    throw new ApiError('DryRunOperation', messages.dryRun);
}
