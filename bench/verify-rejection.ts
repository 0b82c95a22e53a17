import { rejects, strictEqual } from 'node:assert/strict';
import type { Scenario } from './scenarios.js';
import type { ServerProcess } from './server-process.js';
import { verifyResponse } from './verify.js';

interface ErrorBody {
  readonly Response?: { readonly Error?: { readonly Code?: string } };
}

/**
 * Fails unless the server refuses a wrongly signed request and
 * `verifyResponse()` catches that: proof that the server checks
 * signatures, and that a bench signer gone wrong would stop the run.
 */
export async function verifyRejection(
  server: ServerProcess<string>,
  wronglySigned: Scenario,
): Promise<void> {
  await rejects(verifyResponse(server, wronglySigned));
  const { path, request } = wronglySigned;
  const response = await fetch(server.url + path, request);
  const body = (await response.json()) as ErrorBody;
  strictEqual(
    body.Response?.Error?.Code,
    'AuthFailure.SignatureFailure',
    `${server.variant}: a wrong signature must be refused`,
  );
}
