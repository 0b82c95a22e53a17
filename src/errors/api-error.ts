import type { Language } from '../language.js';
import { codeInfo, isWellFormedCode } from './code-info.js';

/** A message in each language the caller may pick with `X-TC-Language`. */
export type LocalizedMessage = Readonly<Record<Language, string>>;

// Symbol.for survives two copies of this package in one process, where
// `instanceof` would not.
const API_ERROR = Symbol.for('express-tcapi.ApiError');

/** Options of {@link ApiError}. */
export interface ApiErrorOptions {
  /** The underlying failure; kept for logs, never sent to the client. */
  cause?: unknown;
  /** Extra response headers, such as `Retry-After`. */
  headers?: Record<string, string | number>;
  /**
   * HTTP status in `semantic` mode, overriding the one the code's family
   * takes. Ignored in `compatible` mode, where every envelope is sent on 200.
   */
  status?: number;
}

/**
 * A failure to report to the client as a Tencent Cloud error envelope.
 * The message is sent as given, or in the caller's language when given in
 * both; without one, the code's default message is sent in the caller's
 * language.
 *
 * @example
 * throw new ApiError('ResourceNotFound.InstanceNotFound',
 *   'The instance `ins-1` does not exist.');
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The Tencent Cloud error code, `Category` or `Category.SubCode`. */
  readonly code: string;
  /** Extra response headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** Semantic-mode status override, when one was given. */
  readonly status: number | undefined;
  /** Whether the message was given, rather than the code's default. */
  readonly hasOwnMessage: boolean;
  /** The message in both languages, when it was given so. */
  readonly localized: LocalizedMessage | undefined;

  constructor(
    code: string,
    message?: string | LocalizedMessage,
    options: ApiErrorOptions = {},
  ) {
    if (!isWellFormedCode(code)) {
      const got = JSON.stringify(code);
      throw new TypeError(
        `ApiError needs a code such as "ResourceNotFound.InstanceNotFound"; received ${got}.`,
      );
    }
    const english = typeof message === 'object' ? message['en-US'] : message;
    super(english ?? codeInfo(code).en, { cause: options.cause });
    this.code = code;
    this.hasOwnMessage = message !== undefined;
    this.localized =
      typeof message === 'object' ? Object.freeze({ ...message }) : undefined;
    this.headers = Object.freeze(stringValues(options.headers));
    this.status = options.status;
    Object.defineProperty(this, API_ERROR, { value: true });
  }
}

/**
 * Whether `value` is an {@link ApiError}, also one made by another copy of
 * this package.
 */
export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[API_ERROR] === true
  );
}

function stringValues(
  headers: Record<string, string | number> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    out[name] = String(value);
  }
  return out;
}
