import type { Request, Response } from 'express';
import { contextFor, type RequestContext } from './context.js';
import { errorBody } from './envelope/body.js';
import { writeJson } from './envelope/write.js';
import { codeInfo } from './errors/code-info.js';
import type { Failure } from './errors/failure.js';
import { toFailure } from './errors/to-failure.js';
import { errorStatus, impliedHeaders } from './http-status.js';
import { debugErrors } from './log.js';
import { defaultOptions, type ResolvedOptions } from './options.js';

/**
 * Answers with the error envelope for anything thrown. When the response
 * has already started, nothing more is written: the connection is cut so
 * the client can tell the body is incomplete. `options` are the options in
 * force; without them, those of the `tcapi()` that ran for the request.
 */
export function sendFailure(
  req: Request,
  res: Response,
  thrown: unknown,
  options?: ResolvedOptions,
): void {
  const context = contextFor(req, res, options ?? defaultOptions);
  const inForce = options ?? context.options;
  const failure = toFailure(thrown);
  const afterHeadersSent = res.headersSent;
  report(context, req, failure, afterHeadersSent, inForce);
  if (afterHeadersSent) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  const info = codeInfo(failure.code);
  const message =
    failure.message ?? (context.language === 'zh-CN' ? info.zh : info.en);
  const { httpStatus } = inForce;
  const status = errorStatus(httpStatus, failure.code, failure.status);
  const headers =
    httpStatus === 'compatible'
      ? failure.headers
      : { ...impliedHeaders(status), ...failure.headers };
  const body = errorBody(failure.code, message, context.requestId);
  writeJson(req, res, status, body, headers);
}

function report(
  context: RequestContext,
  req: Request,
  failure: Failure,
  afterHeadersSent: boolean,
  options: ResolvedOptions,
): void {
  const serverSide = codeInfo(failure.code).status >= 500;
  if (!serverSide && !afterHeadersSent) return;
  debugErrors(
    '%s %s %s failed with %s: %O',
    context.requestId,
    req.method,
    req.originalUrl,
    failure.code,
    failure.cause,
  );
  const { onError } = options;
  if (!onError) return;
  try {
    onError(failure.cause, {
      requestId: context.requestId,
      code: failure.code,
      req,
      afterHeadersSent,
    });
  } catch (hookError) {
    debugErrors('%s onError hook threw: %O', context.requestId, hookError);
  }
}
