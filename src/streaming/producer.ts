import type { Response } from 'express';
import { debugStreams } from '../log.js';
import { withKeepAlive } from './keep-alive.js';

// Stepping a stream's producer: one event at a time, and no longer than
// its client stays.

export type Events = AsyncIterator<unknown>;
type Step = IteratorResult<unknown>;

/** What a step gives when the client left before the producer answered. */
export const GONE = Symbol('gone');

/** An iterator over the events, whether they come sync or async. */
export function iteratorOf(events: AsyncIterable<unknown> | Iterable<unknown>) {
  if (Symbol.asyncIterator in events) return events[Symbol.asyncIterator]();
  return (async function* fromSync() {
    yield* events;
  })();
}

/**
 * The producer's next step, or `GONE` as soon as the client leaves: a
 * producer that ignores the signal must not hold the response open. It
 * is then stopped when its pending step settles.
 */
export function nextOrGone(
  res: Response,
  iterator: Events,
  signal: AbortSignal,
  keepAliveMs: number | undefined,
): Promise<Step | typeof GONE> {
  const pending = iterator.next();
  return new Promise((resolve, reject) => {
    // A listener per step, removed when the step settles: one promise
    // raced at every step would keep a reaction per event until the end.
    const left = () => {
      resolve(GONE);
      pending.then(
        () => stop(iterator),
        () => undefined,
      );
    };
    if (signal.aborted) left();
    else signal.addEventListener('abort', left, { once: true });
    withKeepAlive(res, pending, keepAliveMs).then(
      (step) => {
        signal.removeEventListener('abort', left);
        resolve(step);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', left);
        reject(error);
      },
    );
  });
}

/**
 * Lets the producer finish (its `finally` blocks run); what it throws
 * then has nobody left to be told.
 */
export function stop(iterator: Events): void {
  Promise.resolve()
    .then(() => iterator.return?.())
    .then(undefined, (error: unknown) =>
      debugStreams('stopping a stream failed: %O', error),
    );
}
