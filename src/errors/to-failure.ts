import { types } from 'node:util';
import { isApiError, type ApiError } from './api-error.js';
import { isWellFormedCode } from './code-info.js';
import { mapBodyError } from './body-parser-errors.js';
import { safeErrorHeaders } from './error-headers.js';
import type { Failure } from './failure.js';
import { errorStatusOf, mapHttpError } from './http-status-errors.js';

/**
 * Maps anything thrown or passed to `next()` to the error the client is
 * told about. Only an {@link ApiError}, a body-parser error or an error
 * that carries an HTTP status is trusted; everything else, thrown strings
 * and plain objects included, is an `InternalError` with the default
 * message.
 */
export function toFailure(thrown: unknown): Failure {
  if (isApiError(thrown) && isWellFormedCode(thrown.code)) {
    return {
      code: thrown.code,
      message: ownMessage(thrown),
      status: thrown.status,
      headers: safeErrorHeaders(thrown.headers),
      cause: thrown,
    };
  }
  if (isError(thrown)) {
    const fromBody = mapBodyError(thrown);
    if (fromBody) return { ...fromBody, headers: {}, cause: thrown };
    const status = errorStatusOf(thrown);
    if (status !== undefined) {
      const headers = safeErrorHeaders(
        (thrown as { headers?: unknown }).headers,
      );
      return { ...mapHttpError(thrown, status), headers, cause: thrown };
    }
  }
  return internalError(thrown);
}

/** The failure for an unexpected error: nothing of it reaches the client. */
export function internalError(cause: unknown): Failure {
  return {
    code: 'InternalError',
    message: undefined,
    status: undefined,
    headers: {},
    cause,
  };
}

function ownMessage(error: ApiError): Failure['message'] {
  if (!error.hasOwnMessage) return undefined;
  const { localized } = error;
  return localized &&
    typeof localized['en-US'] === 'string' &&
    typeof localized['zh-CN'] === 'string'
    ? localized
    : String(error.message);
}

function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}
