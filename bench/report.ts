import { cpus } from 'node:os';
import type { Load, Measurement } from './round.js';
import { textTable } from './text-table.js';

/** The medians of one scenario, for the baseline and for express-tcapi. */
export interface ScenarioSummary {
  readonly scenario: string;
  readonly handWritten: Measurement;
  readonly tcapi: Measurement;
}

export function machineLine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? 'unknown CPU';
  return `Machine: ${model}, ${cores.length} cores, Node ${process.version}`;
}

export function loadLine(rounds: number, load: Load): string {
  return (
    `Load: ${rounds} alternating ${load.seconds} s rounds per variant, ` +
    `${load.connections} connections, ` +
    `pipelining ${load.pipelining}`
  );
}

/** One round of both variants, for following a run as it goes. */
export function roundLine(
  scenario: string,
  round: number,
  rounds: number,
  handWritten: Measurement,
  tcapi: Measurement,
): string {
  return (
    `${scenario} round ${round}/${rounds}: ` +
    `hand-written ${inline(handWritten)}; ` +
    `express-tcapi ${inline(tcapi)}`
  );
}

function inline(measurement: Measurement): string {
  const [requestsPerSecond, cpuMicros] = measurementCells(measurement);
  return `${requestsPerSecond} req/s, ${cpuMicros} µs/req`;
}

export function resultTables(summaries: readonly ScenarioSummary[]): string {
  const medians = textTable(
    ['Scenario', 'Variant', 'Median req/s', 'Median CPU µs/req'],
    summaries.flatMap(({ scenario, handWritten, tcapi }) => [
      [scenario, 'hand-written', ...measurementCells(handWritten)],
      [scenario, 'express-tcapi', ...measurementCells(tcapi)],
    ]),
    2,
  );
  const ratios = textTable(
    ['Scenario', 'Throughput', 'CPU per request'],
    summaries.map(({ scenario, handWritten, tcapi }) => [
      scenario,
      ratio(tcapi.requestsPerSecond, handWritten.requestsPerSecond),
      ratio(tcapi.cpuMicrosPerRequest, handWritten.cpuMicrosPerRequest),
    ]),
  );
  return `${medians}\n\nexpress-tcapi / hand-written\n${ratios}`;
}

export function measurementCells(measurement: Measurement): string[] {
  return [
    Math.round(measurement.requestsPerSecond).toLocaleString('en-US'),
    measurement.cpuMicrosPerRequest.toFixed(1),
  ];
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}x`;
}
