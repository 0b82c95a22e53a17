import type { Request, Response } from 'express';
import { contextFor, type RequestContext } from './context.js';
import { errorBody } from './envelope/body.js';
import { clearRepresentationHeaders } from './envelope/clear-headers.js';
import { writeJson } from './envelope/write.js';
import { codeInfo } from './errors/code-info.js';
import type { Failure } from './errors/failure.js';
import { internalError, toFailure } from './errors/to-failure.js';
import { errorStatus, impliedHeaders } from './http-status.js';
import type { Language } from './language.js';
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
  const failure = safely(() => toFailure(thrown), internalError(thrown));
  const afterHeadersSent = res.headersSent;
  report(context, req, failure, afterHeadersSent, inForce);
  if (afterHeadersSent) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  try {
    writeFailure(req, res, context, failure, inForce);
  } catch (writeError) {
    // Only a failure of the runtime itself gets here; the client still
    // gets an envelope rather than Express's HTML page.
    debugErrors(
      '%s writing the error envelope failed: %O',
      context.requestId,
      writeError,
    );
    if (!res.headersSent) {
      const body = errorBody(
        'InternalError',
        codeInfo('InternalError').en,
        context.requestId,
      );
      writeJson(req, res, 200, body);
    }
  }
}

function writeFailure(
  req: Request,
  res: Response,
  context: RequestContext,
  failure: Failure,
  options: ResolvedOptions,
): void {
  const message = messageIn(context.language, failure);
  const { httpStatus } = options;
  const status = errorStatus(httpStatus, failure.code, failure.status);
  const headers =
    httpStatus === 'compatible'
      ? failure.headers
      : { ...impliedHeaders(status), ...failure.headers };
  clearRepresentationHeaders(res);
  writeJson(
    req,
    res,
    status,
    errorBody(failure.code, message, context.requestId),
    headers,
  );
}

/** The message a failure is reported with, in the caller's language. */
export function messageIn(language: Language, failure: Failure): string {
  const { message } = failure;
  if (typeof message === 'string') return message;
  if (message) return message[language];
  const info = codeInfo(failure.code);
  return language === 'zh-CN' ? info.zh : info.en;
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
  const { requestId } = context;
  // The thrown value is the app's, and may be hostile to inspection.
  safely(
    () =>
      debugErrors(
        '%s %s failed with %s: %O',
        requestId,
        req.method,
        failure.code,
        failure.cause,
      ),
    undefined,
  );
  const { onError } = options;
  if (!onError) return;
  const hookFailed = (hookError: unknown) =>
    safely(
      () => debugErrors('%s onError hook threw: %O', requestId, hookError),
      undefined,
    );
  try {
    const returned: unknown = onError(failure.cause, {
      requestId,
      code: failure.code,
      req,
      afterHeadersSent,
    });
    // An async hook's rejection must not become an unhandled rejection.
    if (isThenable(returned)) returned.then(undefined, hookFailed);
  } catch (hookError) {
    hookFailed(hookError);
  }
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
