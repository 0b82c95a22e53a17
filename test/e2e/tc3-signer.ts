import { createHash, createHmac } from 'node:crypto';

/** What a TC3-HMAC-SHA256 signature covers, as a client computes it. */
export interface Tc3Input {
  secretKey: string;
  method: 'GET' | 'POST';
  /** `/` for the Python, Go and Java SDKs; the real path for Node. */
  canonicalUri: string;
  /** `''` for POST; the query string exactly as sent for GET. */
  query: string;
  contentType: string;
  /** The host as signed: with its port, or without as Node signs it. */
  host: string;
  /** The body as sent, or `UNSIGNED-PAYLOAD` when it is not signed. */
  payload: string;
  timestamp: number;
  service: string;
}

const sha256 = (text: string) =>
  createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: string | Buffer, text: string) =>
  createHmac('sha256', key).update(text, 'utf8').digest();

/** The UTC date of a Unix timestamp, `yyyy-mm-dd`. */
export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/** The hex signature of a request, by the published algorithm. */
export function tc3Signature(input: Tc3Input): string {
  const canonical = [
    input.method,
    input.canonicalUri,
    input.query,
    `content-type:${input.contentType.toLowerCase()}\n` +
      `host:${input.host.toLowerCase()}\n`,
    'content-type;host',
    sha256(input.payload),
  ].join('\n');
  const date = utcDate(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const toSign = [
    'TC3-HMAC-SHA256',
    String(input.timestamp),
    scope,
    sha256(canonical),
  ].join('\n');
  const kDate = hmac(`TC3${input.secretKey}`, date);
  const kSigning = hmac(hmac(kDate, input.service), 'tc3_request');
  return createHmac('sha256', kSigning).update(toSign).digest('hex');
}

/** A request signed by hand, the way one SDK or another would sign it. */
export interface SignedCall {
  secretId: string;
  secretKey: string;
  action: string;
  /** The server's `host:port`, where the request goes. */
  host: string;
  method?: 'GET' | 'POST';
  /** POST body as sent. */
  body?: string;
  /** GET query string, without `?`. */
  query?: string;
  /** The body the signature covers, when it differs from `body`. */
  signedBody?: string;
  contentType?: string;
  /** Sign the host without its port, as the Node SDK does. */
  hostWithoutPort?: boolean;
  service?: string;
  canonicalUri?: string;
  timestamp?: number;
  unsignedPayload?: boolean;
  token?: string;
}

/** The headers of a signed call: `X-TC-*`, Content-Type, Authorization. */
export function signedHeaders(call: SignedCall): Record<string, string> {
  const method = call.method ?? 'POST';
  const timestamp = call.timestamp ?? Math.floor(Date.now() / 1000);
  const form = 'application/x-www-form-urlencoded';
  const contentType =
    call.contentType ?? (method === 'GET' ? form : 'application/json');
  const service = call.service ?? 'cvm';
  // A GET has no body: its payload hash is that of the empty string.
  const body = method === 'GET' ? '' : (call.signedBody ?? call.body ?? '');
  const signature = tc3Signature({
    secretKey: call.secretKey,
    method,
    canonicalUri: call.canonicalUri ?? '/',
    query: method === 'GET' ? (call.query ?? '') : '',
    contentType,
    host: call.hostWithoutPort ? call.host.replace(/:\d+$/, '') : call.host,
    payload: call.unsignedPayload ? 'UNSIGNED-PAYLOAD' : body,
    timestamp,
    service,
  });
  const scope = `${utcDate(timestamp)}/${service}/tc3_request`;
  return {
    'Content-Type': contentType,
    'X-TC-Action': call.action,
    'X-TC-Version': '2017-03-12',
    'X-TC-Region': 'ap-guangzhou',
    'X-TC-Timestamp': String(timestamp),
    ...(call.unsignedPayload && { 'X-TC-Content-SHA256': 'UNSIGNED-PAYLOAD' }),
    ...(call.token !== undefined && { 'X-TC-Token': call.token }),
    Authorization:
      `TC3-HMAC-SHA256 Credential=${call.secretId}/${scope}, ` +
      `SignedHeaders=content-type;host, Signature=${signature}`,
  };
}

/** The `Response` member of an answer. */
export interface RawResponse {
  Error?: { Code: string; Message: string };
  RequestId: string;
  [member: string]: unknown;
}

/** Sends a signed call over plain HTTP and returns its `Response`. */
export async function sendSigned(call: SignedCall): Promise<RawResponse> {
  return sendRaw(call.host, {
    method: call.method ?? 'POST',
    query: call.query,
    headers: signedHeaders(call),
    body: call.body,
  });
}

/** Sends any request to `host` and returns the `Response` of its answer. */
export async function sendRaw(
  host: string,
  request: {
    method?: string;
    query?: string;
    headers: Record<string, string>;
    body?: string;
  },
): Promise<RawResponse> {
  const query = request.query ? `?${request.query}` : '';
  const res = await fetch(`http://${host}/${query}`, {
    method: request.method ?? 'POST',
    headers: request.headers,
    body: request.method === 'GET' ? undefined : request.body,
  });
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  const { Response } = (await res.json()) as { Response: RawResponse };
  return Response;
}
