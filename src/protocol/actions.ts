import type { Request, RequestHandler, Response } from 'express';
import { contextFor } from '../context.js';
import type { Language } from '../language.js';
import { debugActions } from '../log.js';
import { defaultOptions } from '../options.js';
import { sendFailure } from '../send-failure.js';
import { sendResult } from '../send-result.js';
import { readParameters } from './read-parameters.js';
import { ApiError } from '../errors/api-error.js';

/** What an action handler is told besides its parameters. */
export interface ActionContext {
  readonly action: string;
  readonly version: string;
  /** `X-TC-Region`, when the caller sent one. */
  readonly region: string | undefined;
  readonly requestId: string;
  readonly language: Language;
  readonly req: Request;
  readonly res: Response;
}

/**
 * Runs one action: takes its parameters, returns its result object (or a
 * promise of it), or throws an `ApiError`.
 */
export type ActionHandler<Params = any, Result = unknown> = (
  params: Params,
  context: ActionContext,
) => Result | Promise<Result>;

/** The actions of one API version, by name. */
export type ActionTable = Readonly<Record<string, ActionHandler>>;

/** Options of {@link actionRouter}. */
export interface ActionRouterOptions {
  /** The actions of each version the service serves, keyed by version. */
  versions: Readonly<Record<string, ActionTable>>;
  /**
   * Largest JSON body accepted, in bytes or as a string such as `'10mb'`.
   * @default '10mb' (the real service's limit for TC3 POST)
   */
  bodyLimit?: number | string;
}

const NO_SUCH_VERSION = 'The request `Version` is invalid or not found.';
const HEADER_ACTION = 'x-tc-action';
const HEADER_VERSION = 'x-tc-version';

/**
 * A Tencent Cloud style service: `POST /` (and `GET /`) with `X-TC-Action`
 * and `X-TC-Version` dispatched to a handler by name, its result sent as
 * the success envelope. Requests to other paths pass on.
 *
 * @example
 * app.use(tcapi());
 * app.use(actionRouter({ versions: { '2017-03-12': {
 *   DescribeInstances: async (params) => ({ TotalCount: 0, InstanceSet: [] }),
 * } } }));
 * app.use(tcapiFinish());
 */
export function actionRouter(options: ActionRouterOptions): RequestHandler {
  const versions = checkVersions(options);
  const readParams = readParameters({ limit: options.bodyLimit ?? '10mb' });
  return function tcapiActions(req, res, next) {
    if (req.path !== '/') return next();
    const context = contextFor(req, res, defaultOptions);
    const fail = (thrown: unknown) => sendFailure(req, res, thrown);
    if (req.method !== 'GET' && req.method !== 'POST') {
      return fail(new ApiError('UnsupportedProtocol'));
    }
    const action = header(req, HEADER_ACTION);
    const version = header(req, HEADER_VERSION);
    if (!action) return fail(missing('Action'));
    if (!version) return fail(missing('Version'));
    const table = Object.hasOwn(versions, version) ? versions[version] : undefined;
    if (!table) {
      return fail(new ApiError('NoSuchVersion', NO_SUCH_VERSION));
    }
    const handler = Object.hasOwn(table, action) ? table[action] : undefined;
    if (!handler) {
      return fail(new ApiError('InvalidAction'));
    }
    debugActions('%s %s %s', context.requestId, version, action);
    readParams(req, res)
      .then((params) =>
        handler(params, {
          action,
          version,
          region: header(req, 'x-tc-region'),
          requestId: context.requestId,
          language: context.language,
          req,
          res,
        }),
      )
      .then((result) => {
        if (!res.headersSent) sendResult(req, res, result);
      }, fail);
  };
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function missing(name: string): ApiError {
  return new ApiError(
    'MissingParameter',
    `The request is missing a required parameter \`${name}\`.`,
  );
}

function checkVersions(options: ActionRouterOptions): ActionRouterOptions['versions'] {
  const versions = options?.versions;
  if (typeof versions !== 'object' || versions === null) {
    throw new TypeError(
      "express-tcapi: actionRouter() needs `versions`, such as { '2017-03-12': { DescribeInstances } }.",
    );
  }
  for (const [version, table] of Object.entries(versions)) {
    for (const [action, handler] of Object.entries(table ?? {})) {
      if (typeof handler !== 'function') {
        const got = typeof handler;
        throw new TypeError(
          `express-tcapi: action \`${action}\` of version ${version} must be a function; received ${got}.`,
        );
      }
    }
  }
  return versions;
}
