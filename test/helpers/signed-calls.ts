import { tc3Authorization } from './protocol-sign.js';

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
  // A GET has no body: its payload hash is that of the empty string.
  const body = method === 'GET' ? '' : (call.signedBody ?? call.body ?? '');
  const authorization = tc3Authorization({
    secretId: call.secretId,
    secretKey: call.secretKey,
    method,
    canonicalUri: call.canonicalUri ?? '/',
    query: call.query ?? '',
    headers: {
      'content-type': contentType,
      host: call.hostWithoutPort ? call.host.replace(/:\d+$/, '') : call.host,
    },
    body: call.unsignedPayload ? 'UNSIGNED-PAYLOAD' : body,
    timestamp,
    service: call.service ?? 'cvm',
  });
  return {
    'Content-Type': contentType,
    'X-TC-Action': call.action,
    'X-TC-Version': '2017-03-12',
    'X-TC-Region': 'ap-guangzhou',
    'X-TC-Timestamp': String(timestamp),
    ...(call.unsignedPayload && { 'X-TC-Content-SHA256': 'UNSIGNED-PAYLOAD' }),
    ...(call.token !== undefined && { 'X-TC-Token': call.token }),
    Authorization: authorization,
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
