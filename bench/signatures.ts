/**
 * `npm run bench:signatures`: how many signed requests one core verifies
 * per second, next to the same request unsigned. Each variant is served
 * by its own process, so that its CPU time is its own and one process is
 * one core; rounds alternate between the variants so that drift in the
 * machine hits all alike. Last, `verifySignature()` alone, without HTTP.
 */
import { fileURLToPath } from 'node:url';
import { medianMeasurement } from './median.js';
import { loadLine, machineLine } from './report.js';
import { runRound, type Load, type Measurement } from './round.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { signatureScenario } from './signed-requests.js';
import { checkSigners } from './signer-check.js';
import {
  microTable,
  signatureTables,
  variantRoundLine,
  type MicroResult,
} from './signature-report.js';
import {
  SIGNATURE_LABELS,
  SIGNATURE_VARIANTS,
  type SignatureVariant,
} from './signature-variants.js';
import { verificationsPerSecond } from './verify-loop.js';
import { verifyRejection } from './verify-rejection.js';
import { verifyResponse } from './verify.js';

const ROUNDS = 5;
const LOAD: Load = { seconds: 4, connections: 10, pipelining: 1 };
const WARM_UP: Load = { ...LOAD, seconds: 2 };
const MICRO_SECONDS = 2;

const SERVER_ENTRY = fileURLToPath(
  new URL('./signature-server.ts', import.meta.url),
);

type Server = ServerProcess<SignatureVariant>;

async function main(): Promise<void> {
  const started = performance.now();
  checkSigners();
  let servers: Server[] = [];
  const rounds = new Map<SignatureVariant, Measurement[]>(
    SIGNATURE_VARIANTS.map((variant) => [variant, []]),
  );
  try {
    servers = await Promise.all(
      SIGNATURE_VARIANTS.map((v) => startServerProcess(SERVER_ENTRY, v)),
    );
    for (const server of servers) {
      await verifySigned(server);
      await measure(server, WARM_UP);
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const server of servers) {
        rounds.get(server.variant)?.push(await measure(server, LOAD));
      }
      console.error(variantRoundLine(round, ROUNDS, latest(rounds)));
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  // Only now, with every server gone, so that nothing else takes the CPU.
  const micro: MicroResult[] = [];
  for (const variant of ['tc3', 'v1'] as const) {
    const perSecond = await verificationsPerSecond(variant, MICRO_SECONDS);
    micro.push({ label: SIGNATURE_LABELS[variant], perSecond });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(machineLine());
  console.log(loadLine(ROUNDS, LOAD));
  console.log();
  console.log(signatureTables(medians(rounds)));
  console.log();
  console.log('verifySignature() alone, in process, without HTTP');
  console.log(microTable(micro));
  console.log();
  console.log(`Total run time: ${seconds.toFixed(1)} s`);
}

// A server that checks signatures must also refuse a wrong one; else the
// signed variants would time the unsigned path.
async function verifySigned(server: Server): Promise<void> {
  const host = new URL(server.url).host;
  await verifyResponse(server, signatureScenario(server.variant, host));
  if (server.variant === 'unsigned') return;
  const wrong = signatureScenario(server.variant, host, 'wrong-secret-key');
  await verifyRejection(server, wrong);
}

// Signed afresh and checked right before every round, so that no round
// can outlive its timestamp or time a refused request.
async function measure(server: Server, load: Load): Promise<Measurement> {
  const host = new URL(server.url).host;
  const scenario = signatureScenario(server.variant, host);
  await verifyResponse(server, scenario);
  return runRound(server, scenario, load);
}

function latest(rounds: ReadonlyMap<SignatureVariant, Measurement[]>) {
  return [...rounds].map(([variant, measurements]) => ({
    label: SIGNATURE_LABELS[variant],
    measurement: measurements.at(-1) as Measurement,
  }));
}

function medians(rounds: ReadonlyMap<SignatureVariant, Measurement[]>) {
  return [...rounds].map(([variant, measurements]) => ({
    label: SIGNATURE_LABELS[variant],
    measurement: medianMeasurement(measurements),
  }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
