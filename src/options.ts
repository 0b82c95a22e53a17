import type { Request } from 'express';
import type { HttpStatusPolicy } from './http-status.js';
import type { TrustRequestId } from './request-id.js';

/** What the {@link TcapiOptions.onError} hook is told about a failure. */
export interface ErrorReport {
  /** The id the client was given. */
  requestId: string;
  /** The code the client was given. */
  code: string;
  /** The request that failed. */
  req: Request;
  /** `true` when the failure came after the response had started. */
  afterHeadersSent: boolean;
}

/** Options of `tcapi()` and the fallback handlers. */
export interface TcapiOptions {
  /**
   * HTTP status policy for error envelopes.
   * @default 'compatible' (every envelope on 200)
   */
  httpStatus?: HttpStatusPolicy;
  /**
   * Accept the caller's `X-TC-RequestId` (short ids of a safe alphabet
   * only) from all requests or from those a function approves.
   * @default false (every request gets a fresh UUID v4)
   */
  trustRequestId?: TrustRequestId;
  /**
   * Told about every server-side failure (`InternalError`,
   * `ServiceUnavailable`, ...) with the original error and the request id.
   * It must not throw; if it does, the error is logged and ignored.
   */
  onError?: (error: unknown, report: ErrorReport) => void;
  /**
   * How a `BigInt` in a result is written: as an exact JSON number or as a
   * string.
   * @default 'number'
   */
  bigint?: 'number' | 'string';
  /**
   * The key an array or primitive result is put under; a PascalCase key
   * other than `Error` and `RequestId`.
   * @default 'Data'
   */
  dataKey?: string;
  /**
   * Answer methods other than GET and POST that match no route with
   * `UnsupportedProtocol`; with `false` they get `InvalidAction`, for
   * REST-style gateways.
   * @default true
   */
  restrictMethods?: boolean;
  /**
   * What a `204 No Content` response becomes: kept bodiless (`'keep'`) or,
   * in compatible mode, an empty envelope on 200 (`'envelope'`).
   * @default 'keep'
   */
  noContent?: 'keep' | 'envelope';
}

/** Options after validation, with every default filled in. */
export type ResolvedOptions = Readonly<
  Required<Omit<TcapiOptions, 'onError'>> & Pick<TcapiOptions, 'onError'>
>;

const DEFAULTS: ResolvedOptions = Object.freeze({
  httpStatus: 'compatible',
  trustRequestId: false,
  onError: undefined,
  bigint: 'number',
  dataKey: 'Data',
  restrictMethods: true,
  noContent: 'keep',
});

const KNOWN = new Set(Object.keys(DEFAULTS));

// A result under `Error` reads as a failure to every SDK; one under
// `RequestId` would be overwritten by the id.
const ENVELOPE_KEYS = new Set(['Error', 'RequestId']);

/** Default options, for handlers used without `tcapi()` in front. */
export const defaultOptions = DEFAULTS;

/**
 * Checks options once, when the middleware is made, so that a mistake
 * shows at start-up with a way to fix it, not at the first request.
 */
export function resolveOptions(options: TcapiOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    fail(`expected an options object, received ${describe(options)}`);
  }
  if ('headers' in options && 'method' in options) {
    fail(
      'received a request: call the factory, as in app.use(tcapi()) or app.use(tcapiFinish())',
    );
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      fail(
        `unknown option \`${key}\`; the options are ${[...KNOWN].join(', ')}`,
      );
    }
  }
  const merged = { ...DEFAULTS, ...withoutUndefined(options) };
  check(
    merged.httpStatus === 'compatible' ||
      merged.httpStatus === 'semantic' ||
      typeof merged.httpStatus === 'function',
    'httpStatus',
    "'compatible', 'semantic' or a function",
    merged.httpStatus,
  );
  check(
    typeof merged.trustRequestId === 'boolean' ||
      typeof merged.trustRequestId === 'function',
    'trustRequestId',
    'a boolean or a function',
    merged.trustRequestId,
  );
  check(
    merged.onError === undefined || typeof merged.onError === 'function',
    'onError',
    'a function',
    merged.onError,
  );
  check(
    merged.bigint === 'number' || merged.bigint === 'string',
    'bigint',
    "'number' or 'string'",
    merged.bigint,
  );
  check(
    typeof merged.dataKey === 'string' &&
      /^[A-Z][A-Za-z0-9]*$/.test(merged.dataKey) &&
      !ENVELOPE_KEYS.has(merged.dataKey),
    'dataKey',
    "a PascalCase key such as 'Data', other than Error and RequestId",
    merged.dataKey,
  );
  check(
    typeof merged.restrictMethods === 'boolean',
    'restrictMethods',
    'a boolean',
    merged.restrictMethods,
  );
  check(
    merged.noContent === 'keep' || merged.noContent === 'envelope',
    'noContent',
    "'keep' or 'envelope'",
    merged.noContent,
  );
  return Object.freeze(merged);
}

/**
 * The options that were given, after {@link resolveOptions} checked them,
 * or `undefined` when there are none.
 */
export function explicitOptions(
  options: TcapiOptions | undefined,
): Partial<ResolvedOptions> | undefined {
  const given = withoutUndefined(options ?? {});
  return Object.keys(given).length > 0 ? given : undefined;
}

function check(ok: boolean, name: string, expected: string, got: unknown) {
  if (!ok)
    fail(`option \`${name}\` must be ${expected}; received ${describe(got)}`);
}

function fail(reason: string): never {
  throw new TypeError(`express-tcapi: ${reason}.`);
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
