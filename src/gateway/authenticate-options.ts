import type { CredentialsOption } from '../protocol/credentials.js';
import type { SizeLimits } from '../protocol/decode-request.js';
import type { VerifyOptions } from '../protocol/signature/verify.js';
import {
  optionError as fail,
  sizeLimits,
  verifyOptions,
} from '../protocol/signing-options.js';

/** Options of `tcapiAuthenticate()`. */
export interface AuthenticateOptions {
  /**
   * The keys requests must be signed with, as for `actionRouter()`:
   * `{ [secretId]: secretKey }`, `{ [secretId]: { secretKey, token } }`
   * or a function `(secretId) => ({ secretKey, token? }) | undefined`.
   * Required.
   */
  credentials: CredentialsOption;
  /**
   * The product name requests must be signed for (`cvm`), as for
   * `actionRouter()`: a TC3 credential scope must name it or the
   * endpoint's first label. Leave it out for a gateway in front of
   * several products.
   * @default any service
   */
  service?: string;
  /**
   * How far, in seconds, a request's timestamp may be from the gateway's
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

/** The options after checking, with every default filled in. */
export interface AuthenticatePlan {
  readonly verify: VerifyOptions;
  readonly limits: SizeLimits;
}

const NAMES = ['credentials', 'service', 'maxSkewSeconds', 'limits'];

/** Checks the options once, at set-up. */
export function planAuthentication(
  options: AuthenticateOptions,
): AuthenticatePlan {
  if (typeof options !== 'object' || options === null) {
    fail(
      `tcapiAuthenticate() needs options such as { credentials: { AKIDexample: 'secret-key' } }; received ${String(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!NAMES.includes(key)) {
      fail(
        `tcapiAuthenticate() has no option \`${key}\`; the options are ${NAMES.join(', ')}`,
      );
    }
  }
  const verify = verifyOptions(options);
  if (verify === undefined) {
    fail(
      "tcapiAuthenticate() needs `credentials`, such as { AKIDexample: 'secret-key' }",
    );
  }
  return { verify, limits: sizeLimits(options.limits) };
}
