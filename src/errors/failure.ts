import type { LocalizedMessage } from './api-error.js';

/**
 * Any error, mapped to what the client is told. Produced by
 * `toFailure()`; read by the envelope writer.
 */
export interface Failure {
  /** Tencent Cloud error code. */
  readonly code: string;
  /** Message for the client; `undefined` means the code's default. */
  readonly message: string | LocalizedMessage | undefined;
  /** Semantic-mode status override; `undefined` uses the code's family. */
  readonly status: number | undefined;
  /** Headers the error asked for (already checked). */
  readonly headers: Readonly<Record<string, string>>;
  /** The value that was thrown. */
  readonly cause: unknown;
}
