import type { Measurement } from './round.js';

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('No values.');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1
    ? upper
    : ((sorted[middle - 1] as number) + upper) / 2;
}

/** Each figure's median over the rounds, taken separately. */
export function medianMeasurement(rounds: readonly Measurement[]): Measurement {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    cpuMicrosPerRequest: median(rounds.map((r) => r.cpuMicrosPerRequest)),
  };
}
