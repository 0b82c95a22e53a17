import { regionOfZone } from './catalog.js';
import {
  buildInstance,
  type Instance,
  type InstanceState,
} from './instance.js';
import { SEED } from './seed.js';

/** Options of {@link createStore}. */
export interface StoreOptions {
  /**
   * The clock, in epoch milliseconds. Tests pass their own to step through
   * transitions without waiting.
   * @default Date.now
   */
  now?: () => number;
  /**
   * How long a transition (PENDING, STOPPING, STARTING, ...) lasts.
   * @default 2000
   */
  transitionMs?: number;
  /**
   * Start with the instances of `seed.ts`.
   * @default true
   */
  seed?: boolean;
}

/** An operation under way: the state it shows now and the one it ends in. */
export interface Operation {
  name: string;
  requestId: string;
  during: InstanceState;
  /** `null`: the instance is gone once the operation ends. */
  after: InstanceState | null;
}

/** Instances in memory. Every read first completes the transitions due. */
export interface InstanceStore {
  now(): number;
  /** The instances of a region, newest first. Copies. */
  list(region: string): Instance[];
  /** One instance of a region, or `undefined`. A copy. */
  find(region: string, id: string): Instance | undefined;
  add(instance: Instance): void;
  begin(id: string, operation: Operation): void;
}

interface Entry {
  instance: Instance;
  settlesAt?: number;
  after?: InstanceState | null;
}

/**
 * A fresh store. Transitions complete lazily, when a read finds their time
 * has come, so nothing runs in the background and a test's clock decides.
 */
export function createStore(options: StoreOptions = {}): InstanceStore {
  const now = options.now ?? Date.now;
  const transitionMs = options.transitionMs ?? 2000;
  if (!Number.isFinite(transitionMs) || transitionMs < 0) {
    throw new TypeError(
      `createStore(): \`transitionMs\` must be a number of milliseconds, 0 or more; received ${transitionMs}.`,
    );
  }
  const entries = new Map<string, Entry>();

  const add = (instance: Instance) => {
    entries.set(instance.InstanceId, { instance: structuredClone(instance) });
  };
  if (options.seed ?? true) SEED.forEach((spec) => add(buildInstance(spec)));

  const settle = () => {
    const time = now();
    for (const [id, entry] of entries) {
      if (entry.settlesAt === undefined || time < entry.settlesAt) continue;
      if (entry.after === null) {
        entries.delete(id);
        continue;
      }
      if (entry.after) entry.instance.InstanceState = entry.after;
      entry.instance.LatestOperationState = 'SUCCESS';
      delete entry.settlesAt;
      delete entry.after;
    }
  };

  const inRegion = (entry: Entry, region: string) =>
    regionOfZone(entry.instance.Placement.Zone) === region;

  return {
    now,
    list(region) {
      settle();
      return [...entries.values()]
        .filter((entry) => inRegion(entry, region))
        .map((entry) => structuredClone(entry.instance))
        .sort((a, b) => b.CreatedTime.localeCompare(a.CreatedTime));
    },
    find(region, id) {
      settle();
      const entry = entries.get(id);
      return entry && inRegion(entry, region)
        ? structuredClone(entry.instance)
        : undefined;
    },
    add(instance) {
      settle();
      add(instance);
    },
    begin(id, operation) {
      settle();
      const entry = entries.get(id);
      if (!entry) throw new Error(`No instance ${id}`);
      Object.assign(entry.instance, {
        InstanceState: operation.during,
        LatestOperation: operation.name,
        LatestOperationState: 'OPERATING',
        LatestOperationRequestId: operation.requestId,
      });
      entry.settlesAt = now() + transitionMs;
      entry.after = operation.after;
    },
  };
}
