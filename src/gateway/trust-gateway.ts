import type { Request } from 'express';
import { isSafeId } from '../request-id.js';
import { checkedSecret, isGatewayProof, PROOF_HEADER } from './proof.js';

/** Options of {@link trustGateway}. */
export interface TrustGatewayOptions {
  /**
   * How old, in seconds, a proof may be, or how far ahead of the
   * backend's clock, and still be taken: the window in which a proof seen
   * once could be replayed. Leave room for the clocks of the gateway and
   * the backend to differ.
   * @default 300
   */
  maxSkewSeconds?: number;
}

/**
 * A `trustRequestId` policy for a backend behind an express-tcapi gateway:
 * the incoming `X-TC-RequestId` is kept only when the request carries the
 * gateway's proof of it (`X-TC-Gateway-Proof`: the time it was made and
 * an HMAC-SHA256 of the id and that time with the shared secret, compared
 * in constant time), made within `maxSkewSeconds` of the backend's clock.
 * Any other request, such as a client calling the backend directly, or
 * one replaying a proof too old, gets a fresh id. Trust never comes from
 * a header alone or from a loopback address.
 *
 * @param secret The secret the gateway's `tcapiProxy({ gatewaySecret })`
 *   was given: at least 16 characters.
 * @example
 * app.use(tcapi({ trustRequestId: trustGateway(process.env.GATEWAY_SECRET) }));
 */
export function trustGateway(
  secret: string,
  options: TrustGatewayOptions = {},
): (req: Request) => boolean {
  const key = checkedSecret(secret, 'trustGateway()');
  const maxSkewSeconds = checkedSkew(options);
  return function trustedGateway(req) {
    const requestId = req.headers['x-tc-requestid'];
    return (
      isSafeId(requestId) &&
      isGatewayProof(key, requestId, req.headers[PROOF_HEADER], maxSkewSeconds)
    );
  };
}

function checkedSkew(options: TrustGatewayOptions): number {
  if (typeof options !== 'object' || options === null) {
    fail(`takes an options object; received ${String(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'maxSkewSeconds') {
      fail(`has no option \`${key}\`; the only option is maxSkewSeconds`);
    }
  }
  const { maxSkewSeconds = 300 } = options;
  if (typeof maxSkewSeconds !== 'number' || !(maxSkewSeconds > 0)) {
    fail(
      `option \`maxSkewSeconds\` must be a positive number of seconds, such as 300; received ${String(maxSkewSeconds)}`,
    );
  }
  return maxSkewSeconds;
}

function fail(reason: string): never {
  throw new TypeError(`express-tcapi: trustGateway() ${reason}.`);
}
