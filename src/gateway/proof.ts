import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The header a gateway signs the forwarded request id with, so that a
 * backend sharing its secret can tell the id came from the gateway.
 */
export const PROOF_HEADER = 'x-tc-gateway-proof';

// Long enough that it cannot be guessed; the example reads it from an
// environment variable, so it is text rather than bytes.
const MIN_SECRET_LENGTH = 16;

/**
 * Checks a shared gateway secret at set-up, so that a missing or short
 * one fails at start-up rather than trusting or distrusting every
 * request.
 */
export function checkedSecret(secret: unknown, where: string): string {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    const got =
      typeof secret === 'string'
        ? `a string of ${secret.length} characters`
        : String(secret);
    throw new TypeError(
      `express-tcapi: ${where} needs a secret of at least ${MIN_SECRET_LENGTH} characters, shared by the gateway and the backend (for example from the GATEWAY_SECRET environment variable); received ${got}.`,
    );
  }
  return secret;
}

/** `hex(HMAC-SHA256(secret, requestId))`: what the gateway sends. */
export function gatewayProof(secret: string, requestId: string): string {
  return createHmac('sha256', secret).update(requestId).digest('hex');
}

/** Whether `proof` is the gateway's proof of `requestId`, in constant time. */
export function isGatewayProof(
  secret: string,
  requestId: string,
  proof: unknown,
): boolean {
  if (typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof)) {
    return false;
  }
  const expected = Buffer.from(gatewayProof(secret, requestId), 'hex');
  return timingSafeEqual(expected, Buffer.from(proof, 'hex'));
}
