import { ApiError, streamResult } from 'express-tcapi';
import type { ChatAction, ChatMessage } from './models.js';
import { errorEvent, startReply, wholeReply } from './reply.js';
import { CHAT_PARAMS } from './schema.js';
import { streamReply, type ReplyReport } from './stream.js';

/** Options of the chat service. */
export interface ChatOptions {
  /**
   * Pause between two streamed events, in milliseconds.
   * @default 50
   */
  delayMs?: number;
  /**
   * How long a streamed reply may run, in milliseconds. One still running
   * then ends with an error event (`ErrorMsg.Code` 4001).
   * @default undefined (no limit)
   */
  timeoutMs?: number;
  /**
   * Write a `: ping` comment when a stream has been silent this long.
   * @default undefined (none)
   */
  keepAliveMs?: number;
  /** Told how each streamed reply ended, and after how many events. */
  onReplyEnd?: (report: ReplyReport) => void;
}

/**
 * ChatCompletions: the reply to the conversation, whole, or with
 * `Stream: true` as server-sent events, one word at a time.
 */
export const chatCompletions = (options: ChatOptions = {}): ChatAction => {
  const delayMs = options.delayMs ?? 50;
  if (!Number.isFinite(delayMs) || delayMs < 0) {
    throw new TypeError(
      `chat: \`delayMs\` must be a number of milliseconds, 0 or more; received ${delayMs}.`,
    );
  }
  const { timeoutMs } = options;
  if (
    timeoutMs !== undefined &&
    !(Number.isFinite(timeoutMs) && timeoutMs > 0)
  ) {
    throw new TypeError(
      `chat: \`timeoutMs\` must be a number of milliseconds above 0; received ${timeoutMs}.`,
    );
  }
  const settings = { delayMs, timeoutMs, onReplyEnd: options.onReplyEnd };
  return {
    params: CHAT_PARAMS,
    handler: (params, { requestId, signal }) => {
      checkConversation(params.Messages);
      const reply = startReply(requestId, params.Messages);
      if (!params.Stream) return wholeReply(reply);
      return streamResult(streamReply(reply, signal, settings), {
        keepAliveMs: options.keepAliveMs,
        errorEvent: (failure) => errorEvent(reply, failure),
      });
    },
  };
};

// The real service answers the last question of a conversation, which
// must therefore come from the user.
function checkConversation(messages: readonly ChatMessage[]): void {
  const last = messages[messages.length - 1];
  if (last?.Role !== 'user') {
    throw new ApiError(
      'InvalidParameterValue',
      'The last message of `Messages` must have the role `user`.',
    );
  }
}
