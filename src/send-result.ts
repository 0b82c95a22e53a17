import type { Request, Response } from 'express';
import { contextFor } from './context.js';
import { successBody } from './envelope/body.js';
import { writeJson } from './envelope/write.js';
import { debugErrors } from './log.js';
import { defaultOptions, type ResolvedOptions } from './options.js';
import { sendFailure } from './send-failure.js';

/**
 * Answers with the success envelope for a result. A result that cannot be
 * serialised (a cycle, say) becomes an `InternalError` envelope instead.
 */
export function sendResult(
  req: Request,
  res: Response,
  result: unknown,
  fallback: ResolvedOptions = defaultOptions,
): void {
  const context = contextFor(req, res, fallback);
  if (res.headersSent) {
    // A second answer to one request: a bug in the app, not the client's
    // concern; throwing here would crash an unguarded async handler.
    debugErrors('%s a result was sent after the response started', context.requestId);
    return;
  }
  let body: string;
  try {
    body = successBody(result, context.requestId, context.options);
  } catch (cause) {
    sendFailure(req, res, cause, fallback);
    return;
  }
  writeJson(req, res, successStatus(res.statusCode, context.options), body);
}

function successStatus(current: number, options: ResolvedOptions): number {
  if (current === 304) return 304;
  if (current === 204) {
    return options.noContent === 'envelope' && options.httpStatus === 'compatible'
      ? 200
      : 204;
  }
  return options.httpStatus === 'compatible' ? 200 : current;
}
