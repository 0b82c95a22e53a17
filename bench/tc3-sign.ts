import { createHash, createHmac } from 'node:crypto';

/** What a TC3-HMAC-SHA256 client signs for a `POST /`. */
export interface Tc3Post {
  readonly secretId: string;
  readonly secretKey: string;
  /** The `Host` header as sent, port included. */
  readonly host: string;
  readonly contentType: string;
  readonly body: string;
  /** Unix seconds, as sent in `X-TC-Timestamp`. */
  readonly timestamp: number;
  /** The scope's service, such as `cvm`. */
  readonly service: string;
}

const ALGORITHM = 'TC3-HMAC-SHA256';
const SIGNED_HEADERS = 'content-type;host';

/**
 * The `Authorization` header of a TC3 `POST /`, computed from the
 * published algorithm alone, so that the bench does not trust the very
 * code it measures to sign its requests.
 */
export function tc3Authorization(post: Tc3Post): string {
  const date = new Date(post.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${post.service}/tc3_request`;
  const headers =
    `content-type:${post.contentType.trim().toLowerCase()}\n` +
    `host:${post.host.trim().toLowerCase()}\n`;
  const canonical = [
    'POST',
    '/',
    '',
    headers,
    SIGNED_HEADERS,
    sha256(post.body),
  ].join('\n');
  const toSign = [
    ALGORITHM,
    String(post.timestamp),
    scope,
    sha256(canonical),
  ].join('\n');
  const kDate = hmac(`TC3${post.secretKey}`, date);
  const kSigning = hmac(hmac(kDate, post.service), 'tc3_request');
  const signature = hmac(kSigning, toSign).toString('hex');
  return (
    `${ALGORITHM} Credential=${post.secretId}/${scope}, ` +
    `SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, text: string): Buffer {
  return createHmac('sha256', key).update(text, 'utf8').digest();
}
