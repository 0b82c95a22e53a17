import bytes from 'bytes';
import { credentialLookup, type CredentialsOption } from './credentials.js';
import type { SizeLimits } from './decode-request.js';
import type { VerifyOptions } from './signature/verify.js';

/** How signed requests are checked: shared by the router and the gateway. */
export interface SigningOptions {
  credentials?: CredentialsOption;
  service?: string;
  maxSkewSeconds?: number;
  limits?: {
    get?: number | string;
    form?: number | string;
    json?: number | string;
  };
}

/**
 * The signature checks the options ask for, or `undefined` without
 * `credentials`. Only an absent option turns checks off: a falsy value is
 * a mistake, and throws like any other.
 */
export function verifyOptions(
  options: SigningOptions,
): VerifyOptions | undefined {
  const maxSkewSeconds = options.maxSkewSeconds ?? 300;
  if (typeof maxSkewSeconds !== 'number' || !(maxSkewSeconds > 0)) {
    optionError(
      `option \`maxSkewSeconds\` must be a positive number; received ${String(maxSkewSeconds)}`,
    );
  }
  const { service } = options;
  if (
    service !== undefined &&
    (typeof service !== 'string' || !/^[a-z][a-z0-9-]*$/.test(service))
  ) {
    optionError(
      `option \`service\` must be a product name such as 'cvm'; received ${String(service)}`,
    );
  }
  if (options.credentials === undefined) return undefined;
  const credentials = credentialLookup(options.credentials);
  return { credentials, maxSkewSeconds, service };
}

/** The size limits, defaulting to the real service's. */
export function sizeLimits(limits: SigningOptions['limits']): SizeLimits {
  return {
    get: size('limits.get', limits?.get ?? '32kb'),
    form: size('limits.form', limits?.form ?? '1mb'),
    json: size('limits.json', limits?.json ?? '10mb'),
  };
}

/** A configuration mistake, found when the middleware is made. */
export function optionError(reason: string): never {
  throw new TypeError(`express-tcapi: ${reason}.`);
}

function size(name: string, value: number | string): number {
  const parsed = typeof value === 'number' ? value : bytes.parse(value);
  if (typeof parsed !== 'number' || !(parsed > 0)) {
    optionError(
      `option \`${name}\` must be a size such as 1048576 or '1mb'; received ${String(value)}`,
    );
  }
  return parsed;
}
