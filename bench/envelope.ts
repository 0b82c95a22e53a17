/**
 * `npm run bench`: requests per second and server CPU time per request of
 * one route answered by a hand-written envelope on bare Express and by
 * express-tcapi, for a success and an error result. Each variant runs in
 * its own process so its CPU time is its own; rounds alternate between
 * the variants so that drift in the machine hits both alike.
 */
import { medianMeasurement } from './median.js';
import {
  loadLine,
  machineLine,
  resultTables,
  roundLine,
  type ScenarioSummary,
} from './report.js';
import { runRound, type Load, type Measurement } from './round.js';
import { SCENARIOS, type Scenario } from './scenarios.js';
import { startServer, type ServerProcess } from './server-process.js';
import { VARIANTS } from './variants.js';
import { verifyResponse } from './verify.js';

const ROUNDS = 5;
const LOAD: Load = { seconds: 4, connections: 10, pipelining: 1 };
const WARM_UP: Load = { ...LOAD, seconds: 3 };

async function main(): Promise<void> {
  const started = performance.now();
  const servers: ServerProcess[] = [];
  const summaries: ScenarioSummary[] = [];
  try {
    for (const variant of VARIANTS) servers.push(await startServer(variant));
    const [handWritten, tcapi] = servers as [ServerProcess, ServerProcess];
    for (const scenario of SCENARIOS) {
      for (const server of servers) await verifyResponse(server, scenario);
    }
    for (const scenario of SCENARIOS) {
      summaries.push(await compare(handWritten, tcapi, scenario));
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(machineLine());
  console.log(loadLine(ROUNDS, LOAD));
  console.log();
  console.log(resultTables(summaries));
  console.log();
  console.log(`Total run time: ${seconds.toFixed(1)} s`);
}

async function compare(
  handWritten: ServerProcess,
  tcapi: ServerProcess,
  scenario: Scenario,
): Promise<ScenarioSummary> {
  await runRound(handWritten, scenario, WARM_UP);
  await runRound(tcapi, scenario, WARM_UP);
  const baselineRounds: Measurement[] = [];
  const tcapiRounds: Measurement[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const baseline = await runRound(handWritten, scenario, LOAD);
    const measured = await runRound(tcapi, scenario, LOAD);
    baselineRounds.push(baseline);
    tcapiRounds.push(measured);
    console.error(roundLine(scenario.name, round, ROUNDS, baseline, measured));
  }
  return {
    scenario: scenario.name,
    handWritten: medianMeasurement(baselineRounds),
    tcapi: medianMeasurement(tcapiRounds),
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
