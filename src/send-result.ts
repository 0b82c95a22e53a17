import type { Request, Response } from 'express';
import { contextFor } from './context.js';
import { successBody, type SuccessBody } from './envelope/body.js';
import { writeJson } from './envelope/write.js';
import { ApiError } from './errors/api-error.js';
import { codeForStatus } from './errors/http-status-errors.js';
import { defaultOptions, type ResolvedOptions } from './options.js';
import { sendFailure } from './send-failure.js';

/**
 * Answers with the success envelope for a result. A result that cannot be
 * serialised (a cycle, say) becomes an `InternalError` envelope instead.
 * `options` are the options in force; without them, those of the
 * `tcapi()` that ran for the request. `onFailure` takes such failures
 * instead of the error envelope being written here.
 */
export function sendResult(
  req: Request,
  res: Response,
  result: unknown,
  options?: ResolvedOptions,
  onFailure?: (error: unknown) => void,
): void {
  const context = contextFor(req, res, options ?? defaultOptions);
  const inForce = options ?? context.options;
  const fail =
    onFailure ?? ((error: unknown) => sendFailure(req, res, error, inForce));
  if (res.headersSent) {
    // A second answer to one request is a bug in the app. Throwing would
    // crash an unguarded async handler; the failure path reports it and
    // cuts a response left unfinished.
    fail(new Error(LATE_RESULT));
    return;
  }
  if (res.statusCode >= 400 && res.statusCode <= 599) {
    // `res.status(404).json(x)`: the app means a failure, and the SDKs
    // must see one; what x says is not trusted as a client message.
    const { statusCode: status } = res;
    fail(new ApiError(codeForStatus(status), undefined, { status }));
    return;
  }
  let body: SuccessBody;
  try {
    body = successBody(result, context.requestId, inForce);
  } catch (cause) {
    fail(cause);
    return;
  }
  // An envelope passed through keeps its id: the header must agree.
  if (body.requestId !== context.requestId)
    res.setHeader('X-TC-RequestId', body.requestId);
  writeJson(req, res, successStatus(res.statusCode, inForce), body.text);
}

const LATE_RESULT = 'A result was sent after the response had started.';

function successStatus(current: number, options: ResolvedOptions): number {
  if (current === 304) return 304;
  if (current === 204) {
    return options.noContent === 'envelope' &&
      options.httpStatus === 'compatible'
      ? 200
      : 204;
  }
  // 205 and 1xx carry no body and 3xx are not results; an invalid status
  // would make Node throw.
  const isResult = current >= 200 && current <= 299 && current !== 205;
  return options.httpStatus === 'compatible' || !isResult ? 200 : current;
}
