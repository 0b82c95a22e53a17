import { createHmac } from 'node:crypto';

/** The v1 signature methods, as sent in `SignatureMethod`. */
export type V1Method = 'HmacSHA1' | 'HmacSHA256';

/**
 * The method a request asks for: HmacSHA1 when `SignatureMethod` is
 * absent, `undefined` when it names anything unknown.
 */
export function v1Method(
  signatureMethod: string | undefined,
): V1Method | undefined {
  if (signatureMethod === undefined || signatureMethod === 'HmacSHA1') {
    return 'HmacSHA1';
  }
  return signatureMethod === 'HmacSHA256' ? 'HmacSHA256' : undefined;
}

/** What a v1 signature covers. */
export interface V1Input {
  /** HTTP method; upper-cased here, as every SDK does. */
  readonly method: string;
  /** The host the client signed, with its port when it used one. */
  readonly host: string;
  /** The request path, `/` for every official SDK's default endpoint. */
  readonly path: string;
  /** Every parameter, url-decoded; `Signature` is left out here. */
  readonly params: Readonly<Record<string, string>>;
}

/**
 * `METHOD + host + path + '?' + k1=v1&k2=v2...`: keys sorted, values as
 * they are, not url-encoded, `Signature` left out. The Node SDK signs the
 * path it sends to (`/api/` for an endpoint `host:port/api`); the others
 * sign `/`.
 *
 * @example
 * v1SignString({ method: 'GET', host: 'cvm.tencentcloudapi.com', path: '/',
 *   params: { Action: 'DescribeInstances', Nonce: '11886' } });
 * // 'GETcvm.tencentcloudapi.com/?Action=DescribeInstances&Nonce=11886'
 */
export function v1SignString(input: V1Input): string {
  const pairs = Object.keys(input.params)
    .filter((key) => key !== 'Signature')
    .sort()
    .map((key) => `${key}=${input.params[key] ?? ''}`);
  const method = input.method.toUpperCase();
  return `${method}${input.host}${input.path}?${pairs.join('&')}`;
}

/**
 * The base64 v1 signature of a sign string.
 *
 * @example
 * v1Signature(secretKey, v1SignString(input), 'HmacSHA256');
 */
export function v1Signature(
  secretKey: string,
  signString: string,
  method: V1Method,
): string {
  const algorithm = method === 'HmacSHA256' ? 'sha256' : 'sha1';
  return createHmac(algorithm, secretKey)
    .update(signString, 'utf8')
    .digest('base64');
}
