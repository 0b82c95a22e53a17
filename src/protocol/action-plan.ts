import type { ActionHandler, ActionTable } from './action-definition.js';
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
  type SigningOptions,
} from './signing-options.js';

/** Options of `actionRouter()`, besides those of {@link SigningOptions}. */
export interface ActionRouterOptions extends SigningOptions {
  /** The actions of each version the service serves, keyed by version. */
  versions: Readonly<Record<string, ActionTable>>;
  /**
   * The regions served; a request for another gets `UnsupportedRegion`,
   * one without a region `MissingParameter`. Without it, any region.
   */
  regions?: readonly string[] | ((region: string) => boolean);
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
