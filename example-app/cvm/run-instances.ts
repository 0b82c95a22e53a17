import { cvmAction } from './action.js';
import { IMAGES, INSTANCE_TYPES, ZONES } from './catalog.js';
import {
  dryRunPassed,
  imageIdMalformed,
  imageNotFound,
  instanceNameTooLong,
  instanceTypeMalformed,
  instanceTypeNotFound,
  zoneMismatch,
} from './errors.js';
import { buildInstance, isoSeconds, type ChargeType } from './instance.js';
import type { Schema } from './params.js';
import type { InstanceStore } from './store.js';

interface RunInstancesParams {
  Placement: { Zone: string; ProjectId?: number };
  ImageId: string;
  InstanceType: string;
  InstanceChargeType?: ChargeType;
  InstanceCount?: number;
  InstanceName?: string;
  DryRun?: boolean;
}

const RUN_INSTANCES: Schema = {
  Placement: {
    type: 'Object',
    required: true,
    fields: {
      Zone: { type: 'String', required: true },
      ProjectId: { type: 'Integer', min: 0 },
    },
  },
  ImageId: { type: 'String', required: true },
  InstanceType: { type: 'String', required: true },
  InstanceChargeType: {
    type: 'String',
    oneOf: ['POSTPAID_BY_HOUR', 'PREPAID'],
  },
  InstanceCount: { type: 'Integer', min: 1, max: 100 },
  InstanceName: { type: 'String' },
  DryRun: { type: 'Boolean' },
};

const IMAGE_ID = /^img-[a-z0-9]{8}$/;
const INSTANCE_TYPE = /^[A-Z][A-Z0-9]*\.[A-Z0-9]+$/;
const MAX_NAME_LENGTH = 128;

/**
 * RunInstances: new instances start PENDING and become RUNNING. With
 * `DryRun: true`, every check runs and `DryRunOperation` is the answer.
 */
export const runInstances = (store: InstanceStore) =>
  cvmAction<RunInstancesParams>(
    RUN_INSTANCES,
    ({ params, region, context }) => {
      const { Zone, ProjectId } = params.Placement;
      if (!ZONES[region]?.includes(Zone)) throw zoneMismatch(Zone, region);
      const { ImageId, InstanceType, InstanceName = 'Unnamed' } = params;
      if (!IMAGE_ID.test(ImageId)) throw imageIdMalformed(ImageId);
      if (!Object.hasOwn(IMAGES, ImageId)) throw imageNotFound(ImageId);
      if (!INSTANCE_TYPE.test(InstanceType)) {
        throw instanceTypeMalformed(InstanceType);
      }
      if (!Object.hasOwn(INSTANCE_TYPES, InstanceType)) {
        throw instanceTypeNotFound(InstanceType);
      }
      if (InstanceName.length > MAX_NAME_LENGTH) {
        throw instanceNameTooLong(MAX_NAME_LENGTH);
      }
      if (params.DryRun) throw dryRunPassed();

      const count = params.InstanceCount ?? 1;
      const InstanceIdSet = Array.from({ length: count }, (_, i) => {
        const instance = buildInstance({
          // Like the real service, a batch numbers the names it shares.
          name: count > 1 ? `${InstanceName}${i + 1}` : InstanceName,
          zone: Zone,
          projectId: ProjectId,
          imageId: ImageId,
          instanceType: InstanceType,
          chargeType: params.InstanceChargeType,
          state: 'PENDING',
          createdTime: isoSeconds(store.now()),
        });
        store.add(instance);
        store.begin(instance.InstanceId, {
          name: 'RunInstances',
          requestId: context.requestId,
          during: 'PENDING',
          after: 'RUNNING',
        });
        return instance.InstanceId;
      });
      return { InstanceIdSet };
    },
  );
