import { createHash, createHmac } from 'node:crypto';

// The signatures of protocol.md section 2, written out again from the
// documented algorithm rather than taken from src/, so that a router test
// does not check the library against itself.

const sha256Hex = (data: string | Uint8Array) =>
  createHash('sha256').update(data).digest('hex');

const hmac = (key: string | Buffer, message: string) =>
  createHmac('sha256', key).update(message, 'utf8').digest();

/** What a TC3-HMAC-SHA256 signature covers. */
export interface Tc3Parts {
  secretId: string;
  secretKey: string;
  method: string;
  /** Canonical URI: `/`, or the real path as the Node SDK signs it. */
  canonicalUri: string;
  /** The raw query string of a GET, without `?`. */
  query: string;
  /** The signed headers, by name; `content-type` and `host` at least. */
  headers: Readonly<Record<string, string>>;
  body: string | Uint8Array;
  timestamp: number;
  service: string;
}

/** The UTC date of a Unix time, `yyyy-mm-dd`. */
export const utcDate = (seconds: number) =>
  new Date(seconds * 1000).toISOString().slice(0, 10);

/** The hex TC3-HMAC-SHA256 signature, with its scope and header list. */
export function tc3Sign(parts: Tc3Parts) {
  const names = Object.keys(parts.headers)
    .map((name) => name.toLowerCase())
    .sort();
  const value = (name: string) =>
    Object.entries(parts.headers).find(
      ([key]) => key.toLowerCase() === name,
    )?.[1] ?? '';
  const canonicalHeaders = names
    .map((name) => `${name}:${value(name).trim().toLowerCase()}\n`)
    .join('');
  const signedHeaders = names.join(';');
  const method = parts.method.toUpperCase();
  const canonicalRequest = [
    method,
    parts.canonicalUri,
    method === 'GET' ? parts.query : '',
    canonicalHeaders,
    signedHeaders,
    sha256Hex(parts.body),
  ].join('\n');
  const date = utcDate(parts.timestamp);
  const scope = `${date}/${parts.service}/tc3_request`;
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(parts.timestamp),
    scope,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const kDate = hmac(`TC3${parts.secretKey}`, date);
  const kSigning = hmac(hmac(kDate, parts.service), 'tc3_request');
  const signature = createHmac('sha256', kSigning)
    .update(stringToSign, 'utf8')
    .digest('hex');
  return { signature, scope, signedHeaders };
}

/** The `Authorization` header of a TC3-HMAC-SHA256 request. */
export function tc3Authorization(parts: Tc3Parts): string {
  const { signature, scope, signedHeaders } = tc3Sign(parts);
  return (
    `TC3-HMAC-SHA256 Credential=${parts.secretId}/${scope}, ` +
    `SignedHeaders=${signedHeaders}, Signature=${signature}`
  );
}

/** The v1 signature methods. */
export type V1Method = 'HmacSHA1' | 'HmacSHA256';

/**
 * The base64 v1 signature: `METHOD + host + path + '?' + k=v&...`, keys
 * sorted, values not url-encoded, `Signature` left out.
 */
export function v1Sign(
  secretKey: string,
  method: string,
  host: string,
  path: string,
  params: Readonly<Record<string, string>>,
  signatureMethod: V1Method = 'HmacSHA1',
): string {
  const pairs = Object.keys(params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${key}=${params[key]}`);
  const text = `${method.toUpperCase()}${host}${path}?${pairs.join('&')}`;
  const algorithm = signatureMethod === 'HmacSHA256' ? 'sha256' : 'sha1';
  return createHmac(algorithm, secretKey).update(text, 'utf8').digest('base64');
}
