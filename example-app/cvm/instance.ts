import { randomInt, randomUUID } from 'node:crypto';
import { IMAGES, INSTANCE_TYPES } from './catalog.js';

/** The states of the real service's instance state table. */
export type InstanceState =
  | 'PENDING'
  | 'RUNNING'
  | 'STARTING'
  | 'STOPPING'
  | 'STOPPED'
  | 'REBOOTING'
  | 'SHUTDOWN'
  | 'TERMINATING';

/** How an instance is billed. */
export type ChargeType = 'POSTPAID_BY_HOUR' | 'PREPAID';

/**
 * An item of `InstanceSet`, spelled as DescribeInstances returns it. The
 * members the real service sends as `null` when they have no value are
 * left out instead, as the SDK's model does not admit `null`.
 */
export interface Instance {
  Placement: { Zone: string; ProjectId: number };
  InstanceId: string;
  InstanceType: string;
  CPU: number;
  Memory: number;
  RestrictState: string;
  InstanceName: string;
  InstanceChargeType: ChargeType;
  SystemDisk: { DiskType: string; DiskId: string; DiskSize: number };
  PrivateIpAddresses: string[];
  PublicIpAddresses?: string[];
  InternetAccessible: {
    InternetChargeType: string;
    InternetMaxBandwidthOut: number;
    PublicIpAssigned: boolean;
  };
  VirtualPrivateCloud: {
    VpcId: string;
    SubnetId: string;
    AsVpcGateway: boolean;
  };
  ImageId: string;
  RenewFlag?: string;
  CreatedTime: string;
  ExpiredTime?: string;
  OsName: string;
  SecurityGroupIds: string[];
  LoginSettings: { KeyIds: string[] };
  InstanceState: InstanceState;
  Tags: { Key: string; Value: string }[];
  StopChargingMode: string;
  Uuid: string;
  LatestOperation?: string;
  LatestOperationState?: 'OPERATING' | 'SUCCESS' | 'FAILED';
  LatestOperationRequestId?: string;
  DefaultLoginUser: string;
  DefaultLoginPort: number;
  DisableApiTermination: boolean;
}

/** What it takes to make an instance; the rest is derived. */
export interface InstanceSpec {
  id?: string;
  name: string;
  zone: string;
  projectId?: number;
  imageId: string;
  instanceType: string;
  chargeType?: ChargeType;
  state: InstanceState;
  createdTime: string;
  privateIp?: string;
  publicIp?: string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A resource id such as `ins-2mb7q1xa`: prefix and 8 of [a-z0-9]. */
export function newId(prefix: string): string {
  let suffix = '';
  for (let i = 0; i < 8; i += 1) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${suffix}`;
}

/** An ISO 8601 UTC time to the second, as the service writes times. */
export function isoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function randomPrivateIp(): string {
  return `10.0.${randomInt(256)}.${randomInt(2, 255)}`;
}

/** A complete instance from its spec, as RunInstances would leave it. */
export function buildInstance(spec: InstanceSpec): Instance {
  const type = INSTANCE_TYPES[spec.instanceType];
  const image = IMAGES[spec.imageId];
  if (!type || !image) {
    throw new Error(`Unknown type or image in ${JSON.stringify(spec)}`);
  }
  const prepaid = spec.chargeType === 'PREPAID';
  const created = Date.parse(spec.createdTime);
  return {
    Placement: { Zone: spec.zone, ProjectId: spec.projectId ?? 0 },
    InstanceId: spec.id ?? newId('ins'),
    InstanceType: spec.instanceType,
    CPU: type.cpu,
    Memory: type.memory,
    RestrictState: 'NORMAL',
    InstanceName: spec.name,
    InstanceChargeType: spec.chargeType ?? 'POSTPAID_BY_HOUR',
    SystemDisk: { DiskType: 'CLOUD_BSSD', DiskId: newId('disk'), DiskSize: 50 },
    PrivateIpAddresses: [spec.privateIp ?? randomPrivateIp()],
    ...(spec.publicIp && { PublicIpAddresses: [spec.publicIp] }),
    InternetAccessible: {
      InternetChargeType: 'TRAFFIC_POSTPAID_BY_HOUR',
      InternetMaxBandwidthOut: spec.publicIp ? 5 : 0,
      PublicIpAssigned: Boolean(spec.publicIp),
    },
    VirtualPrivateCloud: {
      VpcId: 'vpc-3rsb5t7k',
      SubnetId: 'subnet-mq2ew7nd',
      AsVpcGateway: false,
    },
    ImageId: spec.imageId,
    ...(prepaid && { RenewFlag: 'NOTIFY_AND_MANUAL_RENEW' }),
    CreatedTime: spec.createdTime,
    ...(prepaid && {
      ExpiredTime: isoSeconds(created + 365 * 86_400_000),
    }),
    OsName: image.osName,
    SecurityGroupIds: ['sg-5w7qk0pa'],
    LoginSettings: { KeyIds: [] },
    InstanceState: spec.state,
    Tags: [],
    StopChargingMode: 'NOT_APPLICABLE',
    Uuid: randomUUID(),
    DefaultLoginUser: image.loginUser,
    DefaultLoginPort: 22,
    DisableApiTermination: false,
  };
}
