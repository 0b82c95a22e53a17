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

// `<unix seconds>.<64 hex digits>`; twelve digits are good for 30,000
// years and keep the number exact.
const PROOF = /^(\d{1,12})\.([0-9a-f]{64})$/;

/**
 * What the gateway sends: `<seconds>.<hex(HMAC-SHA256(secret,
 * requestId + '.' + seconds))>`, where `seconds` is the Unix time it was
 * made at. The time is signed with the id, so a proof seen once (in a
 * log, say) is worth nothing once it is older than the backend allows.
 */
export function gatewayProof(
  secret: string,
  requestId: string,
  seconds = nowSeconds(),
): string {
  return `${seconds}.${mac(secret, requestId, seconds)}`;
}

/**
 * Whether `proof` is the gateway's proof of `requestId`, made at most
 * `maxSkewSeconds` from `now` either way (clocks drift both ways); the
 * MAC is compared in constant time.
 */
export function isGatewayProof(
  secret: string,
  requestId: string,
  proof: unknown,
  maxSkewSeconds: number,
  now = nowSeconds(),
): boolean {
  const match = typeof proof === 'string' ? PROOF.exec(proof) : null;
  if (!match) return false;
  const seconds = Number(match[1]);
  if (Math.abs(now - seconds) > maxSkewSeconds) return false;
  const expected = Buffer.from(mac(secret, requestId, seconds), 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

function mac(secret: string, requestId: string, seconds: number): string {
  return createHmac('sha256', secret)
    .update(`${requestId}.${seconds}`)
    .digest('hex');
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
