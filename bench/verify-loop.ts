import { rejects } from 'node:assert/strict';
import { credentialLookup } from '../src/protocol/credentials.js';
import {
  verifySignature,
  type SignedRequest,
  type VerifyOptions,
} from '../src/protocol/signature/verify.js';
import { signatureScenario } from './signed-requests.js';
import { SECRET_ID, SECRET_KEY } from './signature-fixtures.js';
import type { SignatureVariant } from './signature-variants.js';

// Any host will do: the request never travels.
const HOST = '127.0.0.1:8080';
const BATCH = 1000;

const OPTIONS: VerifyOptions = {
  credentials: credentialLookup({ [SECRET_ID]: SECRET_KEY }),
  maxSkewSeconds: 300,
};

/**
 * How many times per second `verifySignature()` accepts one pre-built
 * request of the variant, in this process, without HTTP: the cost of
 * the signature check alone. Fails if it accepts a wrong signature.
 */
export async function verificationsPerSecond(
  variant: Exclude<SignatureVariant, 'unsigned'>,
  seconds: number,
): Promise<number> {
  const request = signedRequest(variant, SECRET_KEY);
  await rejects(verifySignature(signedRequest(variant, 'wrong'), OPTIONS));
  await verifySignature(request, OPTIONS);
  let count = 0;
  let elapsed = 0;
  const started = performance.now();
  do {
    for (let i = 0; i < BATCH; i++) await verifySignature(request, OPTIONS);
    count += BATCH;
    elapsed = performance.now() - started;
  } while (elapsed < seconds * 1000);
  return count / (elapsed / 1000);
}

// What the router hands to verifySignature() for the request, as
// src/protocol/decode-request.ts builds it.
function signedRequest(
  variant: Exclude<SignatureVariant, 'unsigned'>,
  secretKey: string,
): SignedRequest {
  const { request } = signatureScenario(variant, HOST, secretKey);
  if (request?.body === undefined) throw new Error('No request body.');
  const headers = Object.fromEntries(
    Object.entries({ ...request.headers, Host: HOST }).map(([name, value]) => [
      name.toLowerCase(),
      value,
    ]),
  );
  return {
    form: variant,
    method: request.method,
    path: '/',
    rawQuery: '',
    headers,
    rawBody: Buffer.from(request.body),
    ...(variant === 'v1' && {
      v1Params: Object.fromEntries(new URLSearchParams(request.body)),
    }),
  };
}
