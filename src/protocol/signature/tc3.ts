import { createHash, createHmac } from 'node:crypto';

import { TC3_ALGORITHM } from './authorization.js';

export { parseAuthorization, TC3_ALGORITHM } from './authorization.js';
export type { Tc3Authorization } from './authorization.js';

/** What a TC3-HMAC-SHA256 signature covers, already in canonical form. */
export interface Tc3Input {
  /** HTTP method, upper-case. */
  readonly method: string;
  /** Canonical URI, `/` for every official SDK but the Node one. */
  readonly canonicalUri: string;
  /** `''` for POST; the query string exactly as sent for GET. */
  readonly canonicalQuery: string;
  /** The signed headers in `SignedHeaders` order: lower-case name, value. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** Hex SHA-256 of the payload (see {@link payloadHash}). */
  readonly payloadHash: string;
  /** `X-TC-Timestamp` exactly as sent. */
  readonly timestamp: string;
  /** Scope date, `yyyy-mm-dd`. */
  readonly date: string;
  /** Scope service, such as `cvm`. */
  readonly service: string;
}

/** Lower-case hex SHA-256 of `data`. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

// The SDKs that send `X-TC-Content-SHA256: UNSIGNED-PAYLOAD` hash that
// very string in place of the body.
const UNSIGNED = sha256Hex('UNSIGNED-PAYLOAD');

/**
 * The payload hash of a request: of the body bytes as received, or of the
 * string `UNSIGNED-PAYLOAD` when the client chose not to sign the body.
 */
export function payloadHash(body: Uint8Array, unsigned: boolean): string {
  return unsigned ? UNSIGNED : sha256Hex(body);
}

/** The canonical request string. */
export function canonicalRequest(input: Tc3Input): string {
  const names = input.headers.map(([name]) => name).join(';');
  const lines = input.headers.map(([name, value]) => `${name}:${value}\n`);
  return [
    input.method,
    input.canonicalUri,
    input.canonicalQuery,
    lines.join(''),
    names,
    input.payloadHash,
  ].join('\n');
}

/** The string to sign: algorithm, timestamp, scope, canonical hash. */
export function stringToSign(input: Tc3Input): string {
  return [
    TC3_ALGORITHM,
    input.timestamp,
    `${input.date}/${input.service}/tc3_request`,
    sha256Hex(canonicalRequest(input)),
  ].join('\n');
}

function hmac(key: string | Buffer, message: string): Buffer {
  return createHmac('sha256', key).update(message, 'utf8').digest();
}

/**
 * The signing key derived from a secret key for one date and service;
 * worth computing once when several candidate requests are tried.
 */
export function tc3SigningKey(
  secretKey: string,
  date: string,
  service: string,
): Buffer {
  const kDate = hmac(`TC3${secretKey}`, date);
  return hmac(hmac(kDate, service), 'tc3_request');
}

/** The hex signature of `input` under an already derived signing key. */
export function signWithKey(key: Buffer, input: Tc3Input): string {
  return hmac(key, stringToSign(input)).toString('hex');
}

/**
 * The TC3-HMAC-SHA256 signature of a request, lower-case hex.
 *
 * @example
 * tc3Signature(secretKey, {
 *   method: 'POST', canonicalUri: '/', canonicalQuery: '',
 *   headers: [['content-type', 'application/json'], ['host', host]],
 *   payloadHash: payloadHash(body, false),
 *   timestamp: '1551113065', date: '2019-02-25', service: 'cvm',
 * });
 */
export function tc3Signature(secretKey: string, input: Tc3Input): string {
  const key = tc3SigningKey(secretKey, input.date, input.service);
  return signWithKey(key, input);
}
