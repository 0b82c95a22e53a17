import { toFailure } from '../errors/to-failure.js';
import type { Language } from '../language.js';
import { messageIn } from '../send-failure.js';

/**
 * What a stream's last event may tell the client about a failure after
 * the first event: the same code and message the error envelope would
 * have carried (the default message for an unexpected error, never its
 * details), and the request id.
 */
export interface StreamFailure {
  readonly code: string;
  readonly message: string;
  readonly requestId: string;
}

/** The client's view of anything a producer threw. */
export function streamFailure(
  thrown: unknown,
  requestId: string,
  language: Language,
): StreamFailure {
  const failure = toFailure(thrown);
  return {
    code: failure.code,
    message: messageIn(language, failure),
    requestId,
  };
}

/**
 * The default last event of a failed stream: the Tencent Cloud error
 * envelope, which a caller can tell from every ordinary event by its
 * `Response.Error`. No official SDK raises it: each hands it to the
 * caller as one more message.
 */
export function envelopeErrorEvent(failure: StreamFailure): unknown {
  return {
    Response: {
      Error: { Code: failure.code, Message: failure.message },
      RequestId: failure.requestId,
    },
  };
}
