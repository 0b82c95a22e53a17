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

/** `UnsupportedOperation.InstanceState*`: the state refuses the action. */
export const instanceState = (id: string, state: InstanceState) =>
  new ApiError(
    STATE_CODES[state],
    `The operation is not supported for the instance \`${brief(id)}\` in state \`${brief(state)}\`.`,
  );

/** `InvalidInstanceId.NotFound`: no such instance in the region. */
export const instanceNotFound = (id: string) =>
  new ApiError(
    'InvalidInstanceId.NotFound',
    `The instance \`${brief(id)}\` does not exist.`,
  );

/** `InvalidInstanceId.Malformed`: not an `ins-xxxxxxxx` id. */
export const instanceIdMalformed = (id: string) =>
  new ApiError(
    'InvalidInstanceId.Malformed',
    `The instance ID \`${brief(id)}\` is malformed; it looks like \`ins-xxxxxxxx\`.`,
  );

/** `InvalidZone.MismatchRegion`: the zone is not one of the region. */
export const zoneMismatch = (zone: string, region: string) =>
  new ApiError(
    'InvalidZone.MismatchRegion',
    `The zone \`${brief(zone)}\` does not exist in the region \`${brief(region)}\`.`,
  );

/** `InvalidImageId.Malformed`: not an `img-xxxxxxxx` id. */
export const imageIdMalformed = (id: string) =>
  new ApiError(
    'InvalidImageId.Malformed',
    `The image ID \`${brief(id)}\` is malformed; it looks like \`img-xxxxxxxx\`.`,
  );

/** `InvalidImageId.NotFound`: no such public image. */
export const imageNotFound = (id: string) =>
  new ApiError(
    'InvalidImageId.NotFound',
    `The image \`${brief(id)}\` does not exist.`,
  );

/** `InvalidInstanceType.Malformed`: not a `FAMILY.SIZE` type. */
export const instanceTypeMalformed = (type: string) =>
  new ApiError(
    'InvalidInstanceType.Malformed',
    `The instance type \`${brief(type)}\` is malformed; it looks like \`S5.MEDIUM4\`.`,
  );

/** `InvalidParameterValue.InstanceTypeNotFound`: no such type. */
export const instanceTypeNotFound = (type: string) =>
  new ApiError(
    'InvalidParameterValue.InstanceTypeNotFound',
    `The instance type \`${brief(type)}\` does not exist.`,
  );

/** `InvalidInstanceName.TooLong`: the name is over `max` characters. */
export const instanceNameTooLong = (max: number) =>
  new ApiError(
    'InvalidInstanceName.TooLong',
    `The parameter \`InstanceName\` must be at most ${max} characters long.`,
  );

/** `InvalidFilter`: a filter name the action does not know. */
export const invalidFilter = (name: string) =>
  new ApiError(
    'InvalidFilter',
    `The filter \`${brief(name)}\` is not supported.`,
  );

/** `InvalidFilterValue.LimitExceeded`: a filter has too many values. */
export const filterValuesExceeded = (name: string, max: number) =>
  new ApiError(
    'InvalidFilterValue.LimitExceeded',
    `The filter \`${brief(name)}\` accepts at most ${max} values.`,
  );

/**
 * `InvalidParameterValue.LimitExceeded`: a list is longer than `max`.
 * The real service answers with this sub-code, which a schema's
 * `maxItems` cannot give: it reports the bare category.
 */
export const tooManyValues = (name: string, max: number) =>
  new ApiError(
    'InvalidParameterValue.LimitExceeded',
    `The parameter \`${brief(name)}\` accepts at most ${max} values.`,
  );

// Client values in messages stay short and printable, as the real
// service's do: an id is at most a few dozen characters.
function brief(value: string): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 64 ? `${printable.slice(0, 63)}…` : printable;
}
