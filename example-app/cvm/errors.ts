import { ApiError } from 'express-tcapi';
import type { InstanceState } from './instance.js';

/*
 * The CVM-specific errors this service answers with. Each code is a common
 * one or one the real CVM 2017-03-12 API lists for the action that throws
 * it (tencentcloud-sdk-go, tencentcloud/cvm/v20170312/errors.go and the
 * per-action lists in client.go).
 */

// UnsupportedOperation.InstanceStateStopped and its siblings: one sub-code
// per state the operation refuses.
const STATE_CODES: Readonly<Record<InstanceState, string>> = {
  PENDING: 'UnsupportedOperation.InstanceStatePending',
  RUNNING: 'UnsupportedOperation.InstanceStateRunning',
  STARTING: 'UnsupportedOperation.InstanceStateStarting',
  STOPPING: 'UnsupportedOperation.InstanceStateStopping',
  STOPPED: 'UnsupportedOperation.InstanceStateStopped',
  REBOOTING: 'UnsupportedOperation.InstanceStateRebooting',
  SHUTDOWN: 'UnsupportedOperation.InstanceStateShutdown',
  TERMINATING: 'UnsupportedOperation.InstanceStateTerminating',
};

export const instanceState = (id: string, state: InstanceState) =>
  new ApiError(
    STATE_CODES[state],
    `The operation is not supported for the instance \`${id}\` in state \`${state}\`.`,
  );

export const instanceNotFound = (id: string) =>
  new ApiError(
    'InvalidInstanceId.NotFound',
    `The instance \`${id}\` does not exist.`,
  );

export const instanceIdMalformed = (id: string) =>
  new ApiError(
    'InvalidInstanceId.Malformed',
    `The instance ID \`${id}\` is malformed; it looks like \`ins-xxxxxxxx\`.`,
  );

export const zoneMismatch = (zone: string, region: string) =>
  new ApiError(
    'InvalidZone.MismatchRegion',
    `The zone \`${zone}\` does not exist in the region \`${region}\`.`,
  );

export const imageIdMalformed = (id: string) =>
  new ApiError(
    'InvalidImageId.Malformed',
    `The image ID \`${id}\` is malformed; it looks like \`img-xxxxxxxx\`.`,
  );

export const imageNotFound = (id: string) =>
  new ApiError(
    'InvalidImageId.NotFound',
    `The image \`${id}\` does not exist.`,
  );

export const instanceTypeMalformed = (type: string) =>
  new ApiError(
    'InvalidInstanceType.Malformed',
    `The instance type \`${type}\` is malformed; it looks like \`S5.MEDIUM4\`.`,
  );

export const instanceTypeNotFound = (type: string) =>
  new ApiError(
    'InvalidParameterValue.InstanceTypeNotFound',
    `The instance type \`${type}\` does not exist.`,
  );

export const instanceNameTooLong = (max: number) =>
  new ApiError(
    'InvalidInstanceName.TooLong',
    `The parameter \`InstanceName\` must be at most ${max} characters long.`,
  );

export const invalidFilter = (name: string) =>
  new ApiError('InvalidFilter', `The filter \`${name}\` is not supported.`);

export const filterValuesExceeded = (name: string, max: number) =>
  new ApiError(
    'InvalidFilterValue.LimitExceeded',
    `The filter \`${name}\` accepts at most ${max} values.`,
  );

export const dryRunPassed = () =>
  new ApiError(
    'DryRunOperation',
    'The request would have succeeded, but the DryRun flag is set.',
  );
