import autocannon from 'autocannon';
import type { Scenario } from './scenarios.js';
import type { ServerProcess } from './server-process.js';

/** How hard and how long one round loads a server. */
export interface Load {
  readonly seconds: number;
  readonly connections: number;
  readonly pipelining: number;
}

/** What one round measured. */
export interface Measurement {
  readonly requestsPerSecond: number;
  readonly cpuMicrosPerRequest: number;
}

/**
 * Loads one server with one scenario and charges the server CPU time spent
 * during the round to the requests it completed.
 */
export async function runRound(
  server: ServerProcess<string>,
  scenario: Scenario,
  load: Load,
): Promise<Measurement> {
  const { accepts } = scenario;
  const cpuBefore = await server.cpuMicros();
  const result = await autocannon({
    url: server.url + scenario.path,
    ...scenario.request,
    ...(accepts && { verifyBody: (body) => accepts(String(body)) }),
    duration: load.seconds,
    connections: load.connections,
    pipelining: load.pipelining,
  });
  const cpuAfter = await server.cpuMicros();
  const failures =
    result.errors + result.timeouts + result.non2xx + result.mismatches;
  if (failures > 0) {
    throw new Error(
      `${server.variant} ${scenario.name}: ${failures} failed requests`,
    );
  }
  const completed = result.requests.total;
  return {
    requestsPerSecond: completed / result.duration,
    cpuMicrosPerRequest: (cpuAfter - cpuBefore) / completed,
  };
}
