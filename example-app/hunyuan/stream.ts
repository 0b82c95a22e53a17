import { setTimeout as sleep } from 'node:timers/promises';
import { ApiError } from 'express-tcapi';
import type { ChatCompletion } from './models.js';
import { deltaEvent, TIMEOUT_CODE, type Reply } from './reply.js';

/** How a streamed reply ended, as told to `onReplyEnd`. */
export interface ReplyReport {
  /** The request id of the call. */
  readonly requestId: string;
  /** How many events the reply produced. */
  readonly events: number;
  /**
   * `completed`: every event was produced; `stopped`: the client went
   * away first; `failed`: the reply failed (ran out of time).
   */
  readonly outcome: 'completed' | 'stopped' | 'failed';
}

/** How replies are streamed. */
export interface StreamSettings {
  /** Pause between two events, in milliseconds. */
  readonly delayMs: number;
  /** How long a reply may run, in milliseconds; none when undefined. */
  readonly timeoutMs: number | undefined;
  /** Told how each streamed reply ended. */
  readonly onReplyEnd: ((report: ReplyReport) => void) | undefined;
}

/**
 * The events of a reply, one word each and a closing one, with a pause
 * between two. It stops pausing as soon as `signal` aborts (the client
 * went away), and fails with `InternalError.BackendTimeout` when it runs
 * longer than `timeoutMs`.
 */
export async function* streamReply(
  reply: Reply,
  signal: AbortSignal,
  settings: StreamSettings,
): AsyncGenerator<ChatCompletion, void, undefined> {
  const started = Date.now();
  let events = 0;
  let outcome: ReplyReport['outcome'] = 'stopped';
  try {
    for (let index = 0; index <= reply.words.length; index += 1) {
      if (index > 0) {
        await sleep(settings.delayMs, undefined, { signal });
        checkTime(started, settings.timeoutMs);
      }
      events += 1;
      yield deltaEvent(reply, index);
    }
    outcome = 'completed';
  } catch (error) {
    outcome = signal.aborted ? 'stopped' : 'failed';
    throw error;
  } finally {
    settings.onReplyEnd?.({ requestId: reply.id, events, outcome });
  }
}

function checkTime(started: number, timeoutMs: number | undefined): void {
  if (timeoutMs !== undefined && Date.now() - started > timeoutMs) {
    throw new ApiError(
      TIMEOUT_CODE,
      `The reply took longer than ${timeoutMs} ms.`,
    );
  }
}
