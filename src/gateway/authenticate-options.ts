import type { CredentialsOption } from '../protocol/credentials.js';
import type { SizeLimits } from '../protocol/decode-request.js';
import type { VerifyOptions } from '../protocol/signature/verify.js';
import {
  optionError as fail,
  sizeLimits,
  verifyOptions,
  type SigningOptions,
} from '../protocol/signing-options.js';

/**
 * Options of `tcapiAuthenticate()`: those of `actionRouter()` that check
 * signatures, `credentials` required. Leave `service` out for a gateway in
 * front of several products.
 */
export interface AuthenticateOptions extends SigningOptions {
  credentials: CredentialsOption;
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
