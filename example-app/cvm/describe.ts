import { ApiError } from 'express-tcapi';
import { cvmAction } from './action.js';
import { instanceFilter, type Filter } from './filters.js';
import { checkInstanceIdFormat } from './instance-ids.js';
import type { Schema } from './params.js';
import type { InstanceStore } from './store.js';

interface Page {
  InstanceIds?: string[];
  Offset?: number;
  Limit?: number;
}

interface DescribeInstancesParams extends Page {
  Filters?: Filter[];
}

const PAGE: Schema = {
  InstanceIds: { type: 'Array', items: { type: 'String' }, maxItems: 100 },
  Offset: { type: 'Integer', min: 0 },
  Limit: { type: 'Integer', min: 1, max: 100 },
};

const FILTER: Schema = {
  Name: { type: 'String', required: true },
  Values: { type: 'Array', required: true, items: { type: 'String' } },
};

const DESCRIBE_INSTANCES: Schema = {
  ...PAGE,
  Filters: {
    type: 'Array',
    maxItems: 10,
    items: { type: 'Object', fields: FILTER },
  },
};

/** DescribeInstances: the instances of the region, filtered and paged. */
export const describeInstances = (store: InstanceStore) =>
  cvmAction<DescribeInstancesParams>(
    DESCRIBE_INSTANCES,
    ({ params, region }) => {
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
  );

/** DescribeInstancesStatus: the state of each instance, paged. */
export const describeInstancesStatus = (store: InstanceStore) =>
  cvmAction<Page>(PAGE, ({ params, region }) => {
    const found = select(store, region, params);
    return {
      TotalCount: found.length,
      InstanceStatusSet: page(found, params).map((instance) => ({
        InstanceId: instance.InstanceId,
        InstanceState: instance.InstanceState,
      })),
    };
  });

// Unknown ids are left out rather than refused: the real Describe actions
// answer with what exists.
function select(store: InstanceStore, region: string, params: Page) {
  const all = store.list(region);
  if (!params.InstanceIds) return all;
  checkInstanceIdFormat(params.InstanceIds);
  const wanted = new Set(params.InstanceIds);
  return all.filter((instance) => wanted.has(instance.InstanceId));
}

function page<T>(items: readonly T[], { Offset = 0, Limit = 20 }: Page): T[] {
  return items.slice(Offset, Offset + Limit);
}
