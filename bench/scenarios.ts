import { DESCRIBE_INSTANCES_RESULT, INSTANCE_NOT_FOUND } from './fixtures.js';

/** A request other than a plain GET of the scenario's path. */
export interface ScenarioRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** One kind of result, served at the same path by every variant. */
export interface Scenario {
  readonly name: string;
  readonly path: string;
  /** What to send; a bare GET of `path` when absent. */
  readonly request?: ScenarioRequest;
  /** The whole body a correct server sends for the given request id. */
  expectedBody(requestId: string): unknown;
  /**
   * When set, checked on every response of a round: a response it turns
   * down fails the round, as a non-2xx one does.
   */
  accepts?(body: string): boolean;
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
