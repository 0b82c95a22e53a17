import { ZONES } from './catalog.js';
import { filterValuesExceeded, invalidFilter, zoneMismatch } from './errors.js';
import type { Instance } from './instance.js';

/** A `Filters` item of DescribeInstances. */
export interface Filter {
  Name: string;
  Values: string[];
}

type Match = (instance: Instance, values: readonly string[]) => boolean;

// A filter matches when any of its values does; all filters must match.
const MATCHERS: Readonly<Record<string, Match>> = {
  zone: (instance, values) => values.includes(instance.Placement.Zone),
  'instance-state': (instance, values) =>
    values.includes(instance.InstanceState),
  // The real filter matches names by substring, not exactly.
  'instance-name': (instance, values) =>
    values.some((name) => instance.InstanceName.includes(name)),
};

const MAX_VALUES = 5;

/** Checks the filters and returns the predicate they make. */
export function instanceFilter(
  filters: readonly Filter[],
  region: string,
): (instance: Instance) => boolean {
  for (const { Name, Values } of filters) {
    if (!Object.hasOwn(MATCHERS, Name)) throw invalidFilter(Name);
    if (Values.length > MAX_VALUES) {
      throw filterValuesExceeded(Name, MAX_VALUES);
    }
    if (Name === 'zone') {
      const unknown = Values.find((zone) => !ZONES[region]?.includes(zone));
      if (unknown !== undefined) throw zoneMismatch(unknown, region);
    }
  }
  return (instance) =>
    filters.every(({ Name, Values }) => MATCHERS[Name]?.(instance, Values));
}
