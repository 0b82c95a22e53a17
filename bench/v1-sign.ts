import { createHmac } from 'node:crypto';

/** What a v1 client signs: every parameter but `Signature`. */
export interface V1Request {
  readonly method: 'GET' | 'POST';
  /** The `Host` header as sent, port included. */
  readonly host: string;
  readonly params: Readonly<Record<string, string>>;
  readonly secretKey: string;
  readonly algorithm: 'sha1' | 'sha256';
}

/**
 * The base64 v1 signature of a request to `/`, computed from the
 * published algorithm alone, independently of the code under test.
 */
export function v1Signature(request: V1Request): string {
  const pairs = Object.keys(request.params)
    .sort()
    .map((key) => `${key}=${request.params[key]}`);
  const text = `${request.method}${request.host}/?${pairs.join('&')}`;
  return createHmac(request.algorithm, request.secretKey)
    .update(text, 'utf8')
    .digest('base64');
}
