import { DESCRIBE_INSTANCES_RESULT, INSTANCE_NOT_FOUND } from './fixtures.js';

/** One kind of result, served at the same path by every variant. */
export interface Scenario {
  readonly name: string;
  readonly path: string;
  /** The whole body a correct server sends for the given request id. */
  expectedBody(requestId: string): unknown;
}

export const SUCCESS: Scenario = {
  name: 'success',
  path: '/describe-instances',
  expectedBody: (requestId) => ({
    Response: { ...DESCRIBE_INSTANCES_RESULT, RequestId: requestId },
  }),
};

export const ERROR: Scenario = {
  name: 'error',
  path: '/missing-instance',
  expectedBody: (requestId) => ({
    Response: {
      Error: {
        Code: INSTANCE_NOT_FOUND.code,
        Message: INSTANCE_NOT_FOUND.message,
      },
      RequestId: requestId,
    },
  }),
};

export const SCENARIOS: readonly Scenario[] = [SUCCESS, ERROR];
