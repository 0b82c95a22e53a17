import type { ClientRequest, IncomingMessage } from 'node:http';
import { parseAuthorization } from '../protocol/signature/authorization.js';
import { gatewayProof, PROOF_HEADER } from './proof.js';

// Where captureRawBody() and tcapiAuthenticate() keep the body's bytes.
const RAW_BODY = Symbol.for('express-tcapi.rawBody');

/**
 * Names the request for the upstream: the gateway's request id in
 * `X-TC-RequestId`, with its proof when a secret is shared. A proof or id
 * the client sent is never passed on.
 */
export function forwardRequestId(
  proxyReq: ClientRequest,
  requestId: string,
  secret: string | undefined,
): void {
  proxyReq.setHeader('X-TC-RequestId', requestId);
  if (secret === undefined) proxyReq.removeHeader(PROOF_HEADER);
  else proxyReq.setHeader(PROOF_HEADER, gatewayProof(secret, requestId));
}

/**
 * Asks the upstream for an uncompressed answer, so the gateway can tell an
 * envelope from anything else, unless the client signed that header.
 */
export function askIdentityEncoding(
  proxyReq: ClientRequest,
  req: IncomingMessage,
): void {
  const auth = req.headers.authorization;
  const signed = parseAuthorization(
    typeof auth === 'string' ? auth : undefined,
  );
  if (signed?.signedHeaders.includes('accept-encoding')) return;
  proxyReq.setHeader('Accept-Encoding', 'identity');
}

/**
 * Sends on a body the gateway already read (to check its signature, or
 * with a body parser): its exact bytes, over which the client signed.
 * A body that was read without its bytes being kept cannot be sent on
 * faithfully: the proxied request is then destroyed with an error that
 * says how to keep them, rather than left waiting for a body that never
 * comes. A body nobody read is piped by the proxy itself.
 */
export function forwardBody(
  proxyReq: ClientRequest,
  req: IncomingMessage,
): void {
  if (!isConsumed(req)) return;
  const raw = (req as IncomingMessage & { [RAW_BODY]?: unknown })[RAW_BODY];
  if (Buffer.isBuffer(raw)) {
    proxyReq.removeHeader('Transfer-Encoding');
    proxyReq.setHeader('Content-Length', raw.length);
    if (raw.length > 0) proxyReq.write(raw);
    return;
  }
  if (declaresBody(req)) proxyReq.destroy(new Error(BODY_GONE));
}

const BODY_GONE =
  'A body parser read the request before the proxy without keeping its bytes, so the body cannot be sent on: ' +
  'mount it with { verify: captureRawBody }.';

function isConsumed(req: IncomingMessage): boolean {
  // body-parser 1 marks the request; version 2 leaves the stream ended.
  return (req as { _body?: unknown })._body === true || req.readableEnded;
}

function declaresBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length.trim() !== '0';
  return req.headers['transfer-encoding'] !== undefined;
}
