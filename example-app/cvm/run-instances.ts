import { checkDryRun } from 'express-tcapi';
import { IMAGES, INSTANCE_TYPES, ZONES } from './catalog.js';
import {
  imageIdMalformed,
  imageNotFound,
  instanceNameTooLong,
  instanceTypeMalformed,
  instanceTypeNotFound,
  zoneMismatch,
} from './errors.js';
import { buildInstance, isoSeconds, type ChargeType } from './instance.js';
import { regionOf, type CvmAction, type RequestOf } from './models.js';
import type { InstanceStore } from './store.js';

const CHARGE_TYPES: readonly ChargeType[] = ['POSTPAID_BY_HOUR', 'PREPAID'];

const RUN_INSTANCES = {
  type: 'object',
  properties: {
    Placement: {
      type: 'object',
      properties: {
        Zone: { type: 'string' },
        ProjectId: { type: 'integer', minimum: 0 },
      },
      required: ['Zone'],
    },
    ImageId: { type: 'string' },
    InstanceType: { type: 'string' },
    InstanceChargeType: { type: 'string', enum: CHARGE_TYPES },
    InstanceCount: { type: 'integer', minimum: 1, maximum: 100 },
    InstanceName: { type: 'string' },
    DryRun: { type: 'boolean' },
  },
  required: ['Placement', 'ImageId', 'InstanceType'],
};

// The SDK's model leaves every member optional and takes any string for
// InstanceChargeType; what passed the schema above is narrower.
type Request = RequestOf<'RunInstances'>;
type Checked = Request &
  Required<Pick<Request, 'Placement' | 'ImageId' | 'InstanceType'>> & {
    InstanceChargeType?: ChargeType;
  };

const IMAGE_ID = /^img-[a-z0-9]{8}$/;
const INSTANCE_TYPE = /^[A-Z][A-Z0-9]*\.[A-Z0-9]+$/;
const MAX_NAME_LENGTH = 128;

/** The CVM checks of a launch, in the order the real service makes them. */
function checkLaunch(params: Checked, region: string): void {
  const { Zone } = params.Placement;
  if (!ZONES[region]?.includes(Zone)) throw zoneMismatch(Zone, region);
  const { ImageId, InstanceType, InstanceName = '' } = params;
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
}

/**
 * RunInstances: new instances start PENDING and become RUNNING. With
 * `DryRun: true`, every check runs and `DryRunOperation` is the answer.
 */
export const runInstances = (
  store: InstanceStore,
): CvmAction<'RunInstances'> => ({
  params: RUN_INSTANCES,
  handler: (request, context) => {
    const params = request as Checked;
    checkLaunch(params, regionOf(context));
    checkDryRun(params);
    const { InstanceName = 'Unnamed', InstanceCount: count = 1 } = params;
    const InstanceIdSet = Array.from({ length: count }, (_, i) => {
      const instance = buildInstance({
        // Like the real service, a batch numbers the names it shares.
        name: count > 1 ? `${InstanceName}${i + 1}` : InstanceName,
        zone: params.Placement.Zone,
        projectId: params.Placement.ProjectId,
        imageId: params.ImageId,
        instanceType: params.InstanceType,
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
});
