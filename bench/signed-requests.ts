import { randomInt } from 'node:crypto';
import type { Scenario, ScenarioRequest } from './scenarios.js';
import {
  ACTION,
  PARAMS,
  REGION,
  RESULT,
  SECRET_ID,
  SECRET_KEY,
  VERSION,
} from './signature-fixtures.js';
import {
  SIGNATURE_LABELS,
  type SignatureVariant,
} from './signature-variants.js';
import { tc3Authorization } from './tc3-sign.js';
import { v1Signature } from './v1-sign.js';

/**
 * The variant's request to `host`, signed now with `secretKey`. The
 * server accepts it for 300 s, far longer than a round lasts.
 */
export function signatureScenario(
  variant: SignatureVariant,
  host: string,
  secretKey = SECRET_KEY,
): Scenario {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    name: SIGNATURE_LABELS[variant],
    path: '/',
    request:
      variant === 'v1'
        ? v1Post(host, timestamp, secretKey)
        : tc3Post(host, timestamp, variant === 'tc3' ? secretKey : undefined),
    expectedBody: (requestId) => ({
      Response: { ...RESULT, RequestId: requestId },
    }),
    accepts: (body) => !body.includes('"Error"'),
  };
}

// Unsigned when there is no key: the same request without Authorization.
function tc3Post(
  host: string,
  timestamp: number,
  secretKey: string | undefined,
): ScenarioRequest {
  const contentType = 'application/json';
  const body = JSON.stringify(PARAMS);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-TC-Action': ACTION,
    'X-TC-Version': VERSION,
    'X-TC-Timestamp': String(timestamp),
    'X-TC-Region': REGION,
  };
  if (secretKey !== undefined) {
    headers.Authorization = tc3Authorization({
      secretId: SECRET_ID,
      secretKey,
      host,
      contentType,
      body,
      timestamp,
      service: 'cvm',
    });
  }
  return { method: 'POST', headers, body };
}

function v1Post(
  host: string,
  timestamp: number,
  secretKey: string,
): ScenarioRequest {
  const params: Record<string, string> = {
    Action: ACTION,
    Version: VERSION,
    Region: REGION,
    Timestamp: String(timestamp),
    Nonce: String(randomInt(1, 2 ** 31)),
    SecretId: SECRET_ID,
    SignatureMethod: 'HmacSHA256',
    ...Object.fromEntries(
      Object.entries(PARAMS).map(([key, value]) => [key, String(value)]),
    ),
  };
  const method = 'POST';
  const algorithm = 'sha256';
  params.Signature = v1Signature({
    method,
    host,
    params,
    secretKey,
    algorithm,
  });
  return {
    method,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
  };
}
