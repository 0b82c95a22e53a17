import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError } from '../../errors/api-error.js';
import { secretIdNotFound, tokenFailure } from './messages.js';
import type { Credential, CredentialLookup } from './verify.js';

/**
 * The credential of `secretId`, or `AuthFailure.SecretIdNotFound` when the
 * lookup finds none with a non-empty `secretKey`. What the lookup throws or
 * rejects with passes through untouched.
 */
export async function findCredential(
  lookup: CredentialLookup,
  secretId: string,
): Promise<Credential> {
  const credential: unknown = await lookup(secretId);
  // Anything but a usable key counts as no key: a lookup such as
  // `(id) => keys[id]` finds `constructor` on every object, and a key of
  // `undefined` or '' would sign as "TC3undefined" or "TC3".
  if (!isCredential(credential)) {
    throw new ApiError('AuthFailure.SecretIdNotFound', secretIdNotFound);
  }
  return credential;
}

function isCredential(value: unknown): value is Credential {
  if (typeof value !== 'object' || value === null) return false;
  const { secretKey, token } = value as Partial<Credential>;
  return (
    typeof secretKey === 'string' &&
    secretKey !== '' &&
    (token === undefined || typeof token === 'string')
  );
}

/**
 * `AuthFailure.TokenFailure` unless the request carries exactly the token
 * of a temporary credential, or no token for a permanent one.
 */
export function checkToken(
  credential: Credential,
  sent: string | undefined,
): void {
  const expected = credential.token === '' ? undefined : credential.token;
  const matches =
    expected === undefined || sent === undefined
      ? expected === sent
      : safeEqual(expected, sent);
  if (!matches) throw new ApiError('AuthFailure.TokenFailure', tokenFailure);
}

/**
 * Whether two strings are equal, in time that depends on neither: both
 * are hashed first, so their lengths may differ.
 */
export function safeEqual(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}
