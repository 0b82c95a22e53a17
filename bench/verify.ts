import { deepStrictEqual, strictEqual } from 'node:assert/strict';
import type { Scenario } from './scenarios.js';
import type { ServerProcess } from './server-process.js';

/**
 * Fails unless the server answers the scenario with the exact Tencent
 * Cloud envelope, so that no round can time a broken server.
 */
export async function verifyResponse(
  server: ServerProcess<string>,
  scenario: Scenario,
): Promise<void> {
  const what = `${server.variant} ${scenario.name}`;
  const response = await fetch(server.url + scenario.path, scenario.request);
  strictEqual(response.status, 200, `${what}: HTTP status`);
  strictEqual(
    response.headers.get('content-type'),
    'application/json',
    `${what}: Content-Type`,
  );
  const requestId = response.headers.get('x-tc-requestid');
  if (!requestId) throw new Error(`${what}: no X-TC-RequestId header`);
  deepStrictEqual(
    await response.json(),
    scenario.expectedBody(requestId),
    `${what}: body`,
  );
}
