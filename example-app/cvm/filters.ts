import { ZONES } from './catalog.js';
import {
  filterValuesExceeded,
  invalidFilter,
  tooManyValues,
  zoneMismatch,
} from './errors.js';
import type { Instance } from './instance.js';

/** A `Filters` item of DescribeInstances. */
export interface Filter {
  Name: string;
  Values: string[];
}

/**
 * The schema of `Filters`. How many filters and values are allowed, and
 * which names, is checked by {@link instanceFilter} with the CVM codes.
 */
export const FILTERS = Object.freeze({
  type: 'array',
  items: {
    type: 'object',
    properties: {
      Name: { type: 'string' },
      Values: { type: 'array', items: { type: 'string' } },
    },
    required: ['Name', 'Values'],
  },
});

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

const MAX_FILTERS = 10;
const MAX_VALUES = 5;

/** Checks the filters and returns the predicate they make. */
export function instanceFilter(
  filters: readonly Filter[],
  region: string,
): (instance: Instance) => boolean {
  if (filters.length > MAX_FILTERS) throw tooManyValues('Filters', MAX_FILTERS);
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
