import { measurementCells, ratio } from './report.js';
import type { Measurement } from './round.js';
import { textTable } from './text-table.js';

/** A variant's label and its medians; the first result is the baseline. */
export interface VariantResult {
  readonly label: string;
  readonly measurement: Measurement;
}

/** A signature form and how often `verifySignature()` accepted it. */
export interface MicroResult {
  readonly label: string;
  readonly perSecond: number;
}

export function variantRoundLine(
  round: number,
  rounds: number,
  results: readonly VariantResult[],
): string {
  const parts = results.map(({ label, measurement }) => {
    const [requestsPerSecond, cpuMicros] = measurementCells(measurement);
    return `${label} ${requestsPerSecond} req/s, ${cpuMicros} µs/req`;
  });
  return `round ${round}/${rounds}: ${parts.join('; ')}`;
}

export function signatureTables(results: readonly VariantResult[]): string {
  const [baseline, ...signed] = results;
  if (baseline === undefined) throw new RangeError('No results.');
  const medians = textTable(
    ['Variant', 'Median req/s', 'CPU µs/req', 'Req per CPU-s', 'Server CPU'],
    results.map(({ label, measurement }) => [
      label,
      ...measurementCells(measurement),
      Math.round(perCpuSecond(measurement)).toLocaleString('en-US'),
      `${busyPercent(measurement)}%`,
    ]),
  );
  const base = baseline.measurement;
  const ratios = textTable(
    ['Variant', 'Throughput', 'CPU per req', 'Per CPU-s', 'Added µs/req'],
    signed.map(({ label, measurement }) => [
      label,
      ratio(measurement.requestsPerSecond, base.requestsPerSecond),
      ratio(measurement.cpuMicrosPerRequest, base.cpuMicrosPerRequest),
      ratio(perCpuSecond(measurement), perCpuSecond(base)),
      (measurement.cpuMicrosPerRequest - base.cpuMicrosPerRequest).toFixed(1),
    ]),
  );
  return `${medians}\n\nsigned / ${baseline.label}\n${ratios}`;
}

export function microTable(results: readonly MicroResult[]): string {
  return textTable(
    ['Form', 'Verifications/s', 'µs each'],
    results.map(({ label, perSecond }) => [
      label,
      Math.round(perSecond).toLocaleString('en-US'),
      (1e6 / perSecond).toFixed(2),
    ]),
  );
}

// Requests one fully busy core would serve at this CPU cost.
function perCpuSecond(measurement: Measurement): number {
  return 1e6 / measurement.cpuMicrosPerRequest;
}

// How much of its core the server used: near 100% means the server, not
// the load generator, set the pace.
function busyPercent(measurement: Measurement): number {
  const { requestsPerSecond, cpuMicrosPerRequest } = measurement;
  return Math.round((requestsPerSecond * cpuMicrosPerRequest) / 1e4);
}
