import { ApiError, type LocalizedMessage } from '../errors/api-error.js';

// Client-facing messages: short, and never the upstream's address.
const backendTimeout: LocalizedMessage = {
  'en-US': 'The backend service did not answer in time.',
  'zh-CN': '后端服务响应超时。',
};

const UPSTREAM_TIMEOUT = Symbol.for('express-tcapi.upstreamTimeout');

// Network failures that mean the upstream cannot be reached or went away
// before answering: the request may be retried later.
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT',
]);

/**
 * The error a proxied request is destroyed with when the upstream is too
 * slow, saying how (for `onError` and `debug` only).
 */
export function upstreamTimeout(reason: string): Error {
  const error = new Error(reason);
  Object.defineProperty(error, UPSTREAM_TIMEOUT, { value: true });
  return error;
}

/**
 * What the client is told when the upstream could not be asked or did not
 * answer: `InternalError.BackendTimeout` for silence, `ServiceUnavailable`
 * for an upstream that refuses, cannot be found or drops the connection,
 * `InternalError` for anything else. The original error is the cause,
 * for `onError` and `debug` only.
 */
export function upstreamFailure(error: unknown): ApiError {
  const cause = error;
  if (isMarked(error, UPSTREAM_TIMEOUT)) {
    return new ApiError('InternalError.BackendTimeout', backendTimeout, {
      cause,
    });
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return new ApiError('ServiceUnavailable', undefined, { cause });
  }
  return new ApiError('InternalError', undefined, { cause });
}

/**
 * What replaces an upstream answer that is not an envelope (an HTML error
 * page, a bare JSON object, an empty body), by the upstream's status:
 * 413 `RequestSizeLimitExceeded`, 429 `RequestLimitExceeded`, 502 and 503
 * `ServiceUnavailable`, 504 `InternalError.BackendTimeout`, anything else
 * `InternalError`. Only a `Retry-After` is kept from the answer.
 */
export function replacementFor(
  status: number,
  retryAfter: string | undefined,
  cause: Error,
): ApiError {
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'Retry-After': retryAfter };
  switch (status) {
    case 413:
      return new ApiError('RequestSizeLimitExceeded', undefined, { cause });
    case 429:
      return new ApiError('RequestLimitExceeded', undefined, {
        cause,
        headers,
      });
    case 502:
      return new ApiError('ServiceUnavailable', undefined, { cause });
    case 503:
      return new ApiError('ServiceUnavailable', undefined, { cause, headers });
    case 504:
      return new ApiError('InternalError.BackendTimeout', backendTimeout, {
        cause,
      });
    default:
      return new ApiError('InternalError', undefined, { cause });
  }
}

function isMarked(value: unknown, mark: symbol): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[mark] === true
  );
}
