import type { Failure } from './failure.js';

// The code an HTTP error status stands for, for `http-errors` and any error
// that carries `status` or `statusCode`.
const CODE_BY_STATUS: Readonly<Record<number, string>> = Object.freeze({
  400: 'InvalidParameter',
  401: 'AuthFailure',
  403: 'UnauthorizedOperation',
  404: 'ResourceNotFound',
  405: 'UnsupportedProtocol',
  409: 'ResourceInUse',
  410: 'ResourceNotFound',
  411: 'MissingParameter',
  413: 'RequestSizeLimitExceeded',
  414: 'RequestSizeLimitExceeded',
  415: 'InvalidParameter',
  422: 'InvalidParameterValue',
  429: 'RequestLimitExceeded',
  431: 'RequestSizeLimitExceeded',
  500: 'InternalError',
  501: 'UnsupportedOperation',
  503: 'ServiceUnavailable',
  504: 'InternalError.BackendTimeout',
});

/** The error status an error carries, if it is a valid 4xx or 5xx. */
export function errorStatusOf(err: object): number | undefined {
  const { status, statusCode } = err as {
    status?: unknown;
    statusCode?: unknown;
  };
  const value = status ?? statusCode;
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 400 &&
    value <= 599
    ? value
    : undefined;
}

/** The Tencent Cloud code for an HTTP error status. */
export function codeForStatus(status: number): string {
  return (
    CODE_BY_STATUS[status] ??
    (status < 500 ? 'FailedOperation' : 'InternalError')
  );
}

/**
 * Maps an error that carries an HTTP status. Its message is shown only
 * when the error says so with `expose: true`, as `http-errors` does for
 * client errors.
 */
export function mapHttpError(
  err: Error,
  status: number,
): Pick<Failure, 'code' | 'message' | 'status'> {
  const exposed = (err as { expose?: unknown }).expose === true;
  return {
    code: codeForStatus(status),
    message: exposed ? String(err.message) : undefined,
    status,
  };
}
