import type { StreamFailure } from './error-event.js';

// Symbol.for, so that a stream made by one copy of the package is still
// recognised by another copy mounted in the same app.
const STREAM = Symbol.for('express-tcapi.stream');

// setInterval() takes a signed 32-bit delay; anything longer fires at once.
const LONGEST_DELAY = 2 ** 31 - 1;

/** Options of {@link streamResult} and `sendStream()`. */
export interface StreamOptions {
  /**
   * After the first event, write a `: ping` comment whenever the producer
   * has been silent this long, so that proxies and idle timeouts keep the
   * connection open. The official Node.js SDK hands each comment to the
   * caller as a message with empty `data`.
   * @default undefined (no keep-alive comments)
   */
  keepAliveMs?: number;
  /**
   * The last event written when the producer fails after the first event
   * went out, built from the code and message the client may see.
   * @default the error envelope, `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`
   */
  errorEvent?: (failure: StreamFailure) => unknown;
}

/**
 * A result to be sent as server-sent events, one `data:` line per event.
 * Made by {@link streamResult}; `Event` is the type of each event.
 */
export interface StreamResult<Event = unknown> {
  /** The events, in order. */
  readonly events: AsyncIterable<Event> | Iterable<Event>;
  /** The interval of keep-alive comments, if any. */
  readonly keepAliveMs: number | undefined;
  /** How a failure after the first event is written, if not the default. */
  readonly errorEvent: ((failure: StreamFailure) => unknown) | undefined;
}

/**
 * Marks `events` as a streamed result: returned from an `actionRouter()`
 * handler, it is sent as `text/event-stream`, each event as
 * `data: {json}\n\n`, the way Tencent Cloud streams Hunyuan
 * `ChatCompletions`. A failure before the first event is answered with
 * the ordinary error envelope; after it, with a last error event.
 *
 * Only a marked result streams: an array or any other iterable returned
 * without it is an ordinary result.
 *
 * @example
 * ChatCompletions: async (params, { signal }) =>
 *   params.Stream
 *     ? streamResult(reply(params, signal), { keepAliveMs: 15_000 })
 *     : collect(reply(params, signal)),
 */
export function streamResult<Event>(
  events: AsyncIterable<Event> | Iterable<Event>,
  options: StreamOptions = {},
): StreamResult<Event> {
  if (!isIterable(events)) {
    fail(
      `streamResult() needs an async iterable of events, such as an async generator; received ${describe(events)}`,
    );
  }
  const { keepAliveMs, errorEvent } = checkOptions(options);
  const result = { events, keepAliveMs, errorEvent };
  Object.defineProperty(result, STREAM, { value: true });
  return Object.freeze(result);
}

/** Whether `value` was made by {@link streamResult}, in any copy of the package. */
export function isStreamResult(value: unknown): value is StreamResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [STREAM]?: unknown })[STREAM] === true
  );
}

function checkOptions(options: StreamOptions): StreamOptions {
  if (typeof options !== 'object' || options === null) {
    fail(
      `the options of a stream must be an object such as { keepAliveMs: 15000 }; received ${describe(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== 'keepAliveMs' && key !== 'errorEvent') {
      fail(
        `a stream has no option \`${key}\`; the options are keepAliveMs, errorEvent`,
      );
    }
  }
  const { keepAliveMs, errorEvent } = options;
  if (
    keepAliveMs !== undefined &&
    !(
      typeof keepAliveMs === 'number' &&
      Number.isInteger(keepAliveMs) &&
      keepAliveMs > 0 &&
      keepAliveMs <= LONGEST_DELAY
    )
  ) {
    fail(
      `option \`keepAliveMs\` must be a whole number of milliseconds from 1 to ${LONGEST_DELAY}; received ${describe(keepAliveMs)}`,
    );
  }
  if (errorEvent !== undefined && typeof errorEvent !== 'function') {
    fail(
      `option \`errorEvent\` must be a function (failure) => event; received ${describe(errorEvent)}`,
    );
  }
  return { keepAliveMs, errorEvent };
}

// A string is iterable too, by character: never what a stream means.
function isIterable(value: unknown): value is AsyncIterable<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as {
    [Symbol.asyncIterator]?: unknown;
    [Symbol.iterator]?: unknown;
  };
  return (
    typeof candidate[Symbol.asyncIterator] === 'function' ||
    typeof candidate[Symbol.iterator] === 'function'
  );
}

function fail(reason: string): never {
  throw new TypeError(`express-tcapi: ${reason}.`);
}

function describe(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}
