import { ApiError } from 'express-tcapi';
import { FILTERS, instanceFilter } from './filters.js';
import { checkInstanceIds, INSTANCE_IDS } from './instance-ids.js';
import { regionOf, type CvmAction, type RequestOf } from './models.js';
import type { InstanceStore } from './store.js';

type Page = RequestOf<'DescribeInstancesStatus'>;

const PAGE = {
  InstanceIds: INSTANCE_IDS,
  Offset: { type: 'integer', minimum: 0 },
  Limit: { type: 'integer', minimum: 1, maximum: 100 },
};

/** DescribeInstances: the instances of the region, filtered and paged. */
export const describeInstances = (
  store: InstanceStore,
): CvmAction<'DescribeInstances'> => ({
  params: {
    type: 'object',
    properties: { ...PAGE, Filters: FILTERS },
  },
  handler: (params, context) => {
    const region = regionOf(context);
    if (params.InstanceIds && params.Filters) {
      throw new ApiError(
        'InvalidParameter',
        'The parameters `InstanceIds` and `Filters` cannot be specified at the same time.',
      );
    }
    const matches = instanceFilter(params.Filters ?? [], region);
    const found = select(store, region, params).filter(matches);
    return { TotalCount: found.length, InstanceSet: page(found, params) };
  },
});

/** DescribeInstancesStatus: the state of each instance, paged. */
export const describeInstancesStatus = (
  store: InstanceStore,
): CvmAction<'DescribeInstancesStatus'> => ({
  params: { type: 'object', properties: PAGE },
  handler: (params, context) => {
    const found = select(store, regionOf(context), params);
    return {
      TotalCount: found.length,
      InstanceStatusSet: page(found, params).map((instance) => ({
        InstanceId: instance.InstanceId,
        InstanceState: instance.InstanceState,
      })),
    };
  },
});

// Unknown ids are left out rather than refused: the real Describe actions
// answer with what exists.
function select(store: InstanceStore, region: string, params: Page) {
  const all = store.list(region);
  if (!params.InstanceIds) return all;
  checkInstanceIds(params.InstanceIds);
  const wanted = new Set(params.InstanceIds);
  return all.filter((instance) => wanted.has(instance.InstanceId));
}

function page<T>(items: readonly T[], { Offset = 0, Limit = 20 }: Page): T[] {
  return items.slice(Offset, Offset + Limit);
}
