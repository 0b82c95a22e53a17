import type { Request } from 'express';
import { isSafeId } from '../request-id.js';
import { checkedSecret, isGatewayProof, PROOF_HEADER } from './proof.js';

/**
 * A `trustRequestId` policy for a backend behind an express-tcapi gateway:
 * the incoming `X-TC-RequestId` is kept only when the request carries the
 * gateway's proof of it (`X-TC-Gateway-Proof`, an HMAC-SHA256 of the id
 * with the shared secret, compared in constant time). Any other request,
 * such as a client calling the backend directly, gets a fresh id. Trust
 * never comes from a header alone or from a loopback address.
 *
 * @param secret The secret the gateway's `tcapiProxy({ gatewaySecret })`
 *   was given: at least 16 characters.
 * @example
 * app.use(tcapi({ trustRequestId: trustGateway(process.env.GATEWAY_SECRET) }));
 */
export function trustGateway(secret: string): (req: Request) => boolean {
  const key = checkedSecret(secret, 'trustGateway()');
  return function trustedGateway(req) {
    const requestId = req.headers['x-tc-requestid'];
    return (
      isSafeId(requestId) &&
      isGatewayProof(key, requestId, req.headers[PROOF_HEADER])
    );
  };
}
