import bytes from 'bytes';
import { credentialLookup, type CredentialsOption } from './credentials.js';
import type { SizeLimits } from './decode-request.js';
import type { VerifyOptions } from './signature/verify.js';

/** How signed requests are checked: shared by the router and the gateway. */
export interface SigningOptions {
  /**
   * The keys requests must be signed with (TC3-HMAC-SHA256, HmacSHA1 or
   * HmacSHA256): `{ [secretId]: secretKey }`,
   * `{ [secretId]: { secretKey, token } }` or a function
   * `(secretId) => ({ secretKey, token? }) | undefined`. Without it,
   * signatures are not checked.
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
   * Largest requests accepted, in bytes or as strings such as `'1mb'`.
   * @default { get: '32kb', form: '1mb', json: '10mb' } (the real service's)
   */
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
