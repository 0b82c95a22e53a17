import type { ActionHandler, ActionTable } from './action-definition.js';
import type { CredentialsOption } from './credentials.js';
import type { SizeLimits } from './decode-request.js';
import {
  compileParameters,
  type ParameterCheck,
  type ParameterSchema,
} from './parameters.js';
import type { VerifyOptions } from './signature/verify.js';
import {
  optionError as fail,
  sizeLimits,
  verifyOptions,
} from './signing-options.js';

/** Options of `actionRouter()`. */
export interface ActionRouterOptions {
  /** The actions of each version the service serves, keyed by version. */
  versions: Readonly<Record<string, ActionTable>>;
  /**
   * The keys requests must be signed with (TC3-HMAC-SHA256, HmacSHA1 or
   * HmacSHA256). Without it, signatures are not checked.
   */
  credentials?: CredentialsOption;
  /**
   * The product name the service answers as (`cvm`, `hunyuan`). A TC3
   * credential scope must then name it, or the endpoint's first label as
   * the Node and Java SDKs sign, so that a request signed for one service
   * on this host cannot be replayed to another. Without it, any service
   * in the scope is accepted.
   */
  service?: string;
  /**
   * How far, in seconds, a request's timestamp may be from the server's
   * clock, either way.
   * @default 300
   */
  maxSkewSeconds?: number;
  /**
   * The regions served; a request for another gets `UnsupportedRegion`,
   * one without a region `MissingParameter`. Without it, any region.
   */
  regions?: readonly string[] | ((region: string) => boolean);
  /**
   * Largest requests accepted, in bytes or as strings such as `'1mb'`.
   * @default { get: '32kb', form: '1mb', json: '10mb' } (the real service's)
   */
  limits?: {
    get?: number | string;
    form?: number | string;
    json?: number | string;
  };
}

/** An action ready to run: its parameter check compiled. */
export type PlannedAction =
  | { readonly retired: true }
  | {
      readonly retired: false;
      readonly check: ParameterCheck<unknown> | undefined;
      readonly handler: ActionHandler;
    };

/** Everything the router needs per request, worked out once. */
export interface ActionPlan {
  readonly versions: ReadonlyMap<string, ReadonlyMap<string, PlannedAction>>;
  readonly verify: VerifyOptions | undefined;
  readonly regions: ((region: string) => boolean) | undefined;
  readonly limits: SizeLimits;
}

/** Checks the router's options and compiles every schema, at set-up. */
export function planActions(options: ActionRouterOptions): ActionPlan {
  if (typeof options?.versions !== 'object' || options.versions === null) {
    fail(
      "actionRouter() needs `versions`, such as { '2017-03-12': { DescribeInstances } }",
    );
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.includes(key)) {
      fail(
        `actionRouter() has no option \`${key}\`; the options are ${OPTION_NAMES.join(', ')}`,
      );
    }
  }
  const verify = verifyOptions(options);
  const versions = new Map<string, Map<string, PlannedAction>>();
  for (const [version, table] of Object.entries(options.versions)) {
    const actions = new Map<string, PlannedAction>();
    for (const [action, entry] of Object.entries(table ?? {})) {
      if (entry === undefined) continue;
      actions.set(
        action,
        planAction(`\`${action}\` of version ${version}`, entry),
      );
    }
    versions.set(version, actions);
  }
  return {
    versions,
    verify,
    regions: regionCheck(options.regions),
    limits: sizeLimits(options.limits),
  };
}

const OPTION_NAMES = [
  'versions',
  'credentials',
  'service',
  'maxSkewSeconds',
  'regions',
  'limits',
];

function planAction(name: string, entry: unknown): PlannedAction {
  if (typeof entry === 'function') {
    return {
      retired: false,
      check: undefined,
      handler: entry as ActionHandler,
    };
  }
  if (isObject(entry) && entry.retired === true) return { retired: true };
  if (isObject(entry) && typeof entry.handler === 'function') {
    const schema = entry.params as ParameterSchema | undefined;
    let check: ParameterCheck<unknown> | undefined;
    try {
      check = schema ? compileParameters(schema) : undefined;
    } catch (error) {
      fail(
        `the parameter schema of action ${name} is not valid: ${(error as Error).message}`,
      );
    }
    return { retired: false, check, handler: entry.handler as ActionHandler };
  }
  return fail(
    `action ${name} must be a handler function, { params, handler } or { retired: true }`,
  );
}

function regionCheck(regions: ActionRouterOptions['regions']) {
  if (regions === undefined || typeof regions === 'function') return regions;
  if (!Array.isArray(regions))
    fail('option `regions` must be an array of regions or a function');
  const served = new Set(regions);
  return (region: string) => served.has(region);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
