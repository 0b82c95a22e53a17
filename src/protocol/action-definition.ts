import type { Request, Response } from 'express';
import type { Language } from '../language.js';
import type { StreamResult } from '../streaming/stream-result.js';
import type { ParameterSchema } from './parameters.js';

/** What an action handler is told besides its parameters. */
export interface ActionContext {
  readonly action: string;
  readonly version: string;
  /** The caller's region (`X-TC-Region` or `Region`), when it sent one. */
  readonly region: string | undefined;
  /** The SecretId the request was signed with, when signatures are checked. */
  readonly secretId: string | undefined;
  readonly requestId: string;
  readonly language: Language;
  readonly req: Request;
  readonly res: Response;
  /**
   * Aborts when the client goes away before the response has been sent
   * in full, so that slow work for it (a stream, above all) can stop.
   * Never aborts once the response is complete.
   */
  readonly signal: AbortSignal;
}

/**
 * What a handler may return: its result object, nothing (for an action
 * that answers with the request id alone), or a `streamResult()` of
 * events, each typed as the result.
 */
export type ActionResult<Result = unknown> =
  Result | StreamResult<Result> | void;

/**
 * Runs one action: takes its checked parameters and returns its
 * {@link ActionResult} (or a promise of it), or throws an `ApiError`.
 */
export type ActionHandler<Params = any, Result = unknown> = (
  params: Params,
  context: ActionContext,
) => ActionResult<Result> | Promise<ActionResult<Result>>;

/** An action with a schema for its parameters. */
export interface ActionDefinition<Params = any, Result = unknown> {
  /**
   * JSON Schema of the parameters. Undeclared parameters are refused with
   * `UnknownParameter` unless the schema allows them.
   */
  readonly params?: ParameterSchema;
  readonly handler: ActionHandler<Params, Result>;
}

/** An action that has been retired: it answers `ActionOffline`. */
export interface RetiredAction {
  readonly retired: true;
}

/** Anything a version's table may hold for an action. */
export type ActionEntry<Params = any, Result = unknown> =
  | ActionHandler<Params, Result>
  | ActionDefinition<Params, Result>
  | RetiredAction;

/** The actions of one API version, by name. */
export type ActionTable = Readonly<Record<string, ActionEntry | undefined>>;

type ActionName<K> = K extends string
  ? K extends Capitalize<K>
    ? K
    : never
  : never;

/**
 * The action table of an official SDK client class: each action's
 * parameters and result typed from the SDK's own models, so a compatible
 * backend is checked against the real API when it compiles. A streamed
 * action (Hunyuan `ChatCompletions`) types each event as its response
 * model, which is what the real service sends as each event.
 *
 * @example
 * import type { cvm } from 'tencentcloud-sdk-nodejs-cvm';
 * type CvmClient = InstanceType<typeof cvm.v20170312.Client>;
 * const actions: ActionsOf<CvmClient> = {
 *   DescribeInstances: async (params) => ({ TotalCount: 0, InstanceSet: [] }),
 * };
 */
export type ActionsOf<Client> = {
  readonly [K in keyof Client as ActionName<K>]?: Client[K] extends (
    request: infer Params,
    ...rest: any[]
  ) => Promise<infer Response>
    ? ActionEntry<Params, Omit<Response, 'RequestId'>>
    : never;
};
