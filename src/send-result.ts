import type { Request, Response } from 'express';
import { contextFor } from './context.js';
import { successBody } from './envelope/body.js';
import { writeJson } from './envelope/write.js';
import { defaultOptions, type ResolvedOptions } from './options.js';
import { sendFailure } from './send-failure.js';

/**
 * Answers with the success envelope for a result. A result that cannot be
 * serialised (a cycle, say) becomes an `InternalError` envelope instead.
 * `options` are the options in force; without them, those of the
 * `tcapi()` that ran for the request.
 */
export function sendResult(
  req: Request,
  res: Response,
  result: unknown,
  options?: ResolvedOptions,
): void {
  const context = contextFor(req, res, options ?? defaultOptions);
  const inForce = options ?? context.options;
  if (res.headersSent) {
    // A second answer to one request is a bug in the app. Throwing would
    // crash an unguarded async handler; the failure path reports it and
    // cuts a response left unfinished.
    sendFailure(req, res, new Error(LATE_RESULT), inForce);
    return;
  }
  let body: string;
  try {
    body = successBody(result, context.requestId, inForce);
  } catch (cause) {
    sendFailure(req, res, cause, inForce);
    return;
  }
  writeJson(req, res, successStatus(res.statusCode, inForce), body);
}

const LATE_RESULT = 'A result was sent after the response had started.';

function successStatus(current: number, options: ResolvedOptions): number {
  if (current === 304) return 304;
  if (current === 204) {
    return options.noContent === 'envelope' && options.httpStatus === 'compatible'
      ? 200
      : 204;
  }
  return options.httpStatus === 'compatible' ? 200 : current;
}
