import type { StreamFailure } from 'express-tcapi';
import type { ChatCompletion, ChatMessage } from './models.js';

/** The notice every answer carries in `Note`, as the real service's do. */
export const NOTE = 'Deterministic example output of express-tcapi.';

/** The code of a reply that ran out of time. */
export const TIMEOUT_CODE = 'InternalError.BackendTimeout';

/** What every answer of one reply shares. */
export interface Reply {
  /** The request id: the real service sends it as `Id` in every event. */
  readonly id: string;
  /** Unix time, in seconds, the reply was started at. */
  readonly created: number;
  readonly promptTokens: number;
  /** The words of the reply, in order. */
  readonly words: readonly string[];
}

/**
 * The deterministic reply to a conversation: the words of its last
 * message in upper case. Tokens are counted as words.
 */
export function startReply(
  requestId: string,
  messages: readonly ChatMessage[],
  now = Date.now(),
): Reply {
  const last = messages[messages.length - 1]?.Content ?? '';
  return {
    id: requestId,
    created: Math.floor(now / 1000),
    promptTokens: messages.reduce(
      (sum, message) => sum + wordsOf(message.Content ?? '').length,
      0,
    ),
    words: wordsOf(last).map((word) => word.toUpperCase()),
  };
}

/**
 * The streamed event carrying word `index` of the reply, each word but
 * the last followed by a space so that the deltas join into the reply;
 * `index` one past the last word gives the closing event, empty with
 * `FinishReason: "stop"`.
 */
export function deltaEvent(reply: Reply, index: number): ChatCompletion {
  const { words } = reply;
  const closing = index >= words.length;
  const word = words[index] ?? '';
  const content = closing || index === words.length - 1 ? word : `${word} `;
  return {
    Note: NOTE,
    Choices: [
      {
        Index: 0,
        Delta: { Role: 'assistant', Content: content },
        FinishReason: closing ? 'stop' : '',
      },
    ],
    Created: reply.created,
    Id: reply.id,
    Usage: usage(reply, Math.min(index + 1, words.length)),
  };
}

/** The whole reply at once, as a call without `Stream` gets it. */
export function wholeReply(reply: Reply): ChatCompletion {
  return {
    Note: NOTE,
    Choices: [
      {
        Index: 0,
        Message: { Role: 'assistant', Content: reply.words.join(' ') },
        FinishReason: 'stop',
      },
    ],
    Created: reply.created,
    Id: reply.id,
    Usage: usage(reply, reply.words.length),
  };
}

/**
 * The last event of a stream that failed midway, in the real service's
 * shape: `ErrorMsg` with code 4001 for a timeout and 4000 for any other
 * failure, and no choices.
 */
export function errorEvent(
  reply: Reply,
  failure: StreamFailure,
): ChatCompletion {
  return {
    Note: NOTE,
    Choices: [],
    Created: reply.created,
    Id: reply.id,
    ErrorMsg: {
      Code: failure.code === TIMEOUT_CODE ? 4001 : 4000,
      Msg: failure.message,
    },
  };
}

function usage(reply: Reply, completionTokens: number) {
  return {
    PromptTokens: reply.promptTokens,
    CompletionTokens: completionTokens,
    TotalTokens: reply.promptTokens + completionTokens,
  };
}

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}
