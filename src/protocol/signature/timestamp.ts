import { ApiError } from '../../errors/api-error.js';
import { invalidTimestamp, signatureExpire } from './messages.js';

/**
 * The request time in Unix seconds, checked against the server clock.
 * Throws `InvalidParameter` when `raw` is not a whole number of seconds and
 * `AuthFailure.SignatureExpire` when it is more than `maxSkewSeconds` away
 * from `nowMs`, in either direction.
 *
 * @example
 * freshTimestamp(req.headers['x-tc-timestamp'], Date.now(), 300);
 */
export function freshTimestamp(
  raw: string,
  nowMs: number,
  maxSkewSeconds: number,
): number {
  const seconds = /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(seconds)) {
    throw new ApiError('InvalidParameter', invalidTimestamp);
  }
  if (Math.abs(nowMs / 1000 - seconds) > maxSkewSeconds) {
    throw new ApiError('AuthFailure.SignatureExpire', signatureExpire);
  }
  return seconds;
}

/**
 * The UTC date of a Unix time, `yyyy-mm-dd`, as a TC3 scope names it.
 *
 * @example
 * utcDate(1551113065) // '2019-02-25'
 */
export function utcDate(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
