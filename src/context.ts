import type { Request, Response } from 'express';
import { languageOf, type Language } from './language.js';
import type { ResolvedOptions } from './options.js';
import { chooseRequestId, safeTraceId } from './request-id.js';

/** What the middleware keeps about one request. */
export interface RequestContext {
  readonly requestId: string;
  readonly language: Language;
  readonly options: ResolvedOptions;
}

// Symbol.for, so that two copies of the package mounted in one app still
// see each other's context and wrap a body only once.
const CONTEXT = Symbol.for('express-tcapi.context');

type WithContext = Request & { [CONTEXT]?: RequestContext; id?: unknown };

/** The context `tcapi()` attached to `req`, if it ran. */
export function getContext(req: Request): RequestContext | undefined {
  return (req as WithContext)[CONTEXT];
}

/**
 * Gives the request its id: on `req.id` (read by pino-http and similar
 * loggers) and in the `X-TC-RequestId` header, set before any handler
 * runs so that streamed responses carry it too.
 */
export function attachContext(
  req: Request,
  res: Response,
  options: ResolvedOptions,
): RequestContext {
  const context: RequestContext = Object.freeze({
    requestId: chooseRequestId(req, options.trustRequestId),
    language: languageOf(req),
    options,
  });
  Object.defineProperty(req, CONTEXT, { value: context, configurable: true });
  (req as WithContext).id = context.requestId;
  if (!res.headersSent) {
    res.setHeader('X-TC-RequestId', context.requestId);
    const traceId = safeTraceId(req);
    if (traceId) res.setHeader('X-TC-TraceId', traceId);
  }
  return context;
}

/** The request's context, made now with `fallback` if `tcapi()` did not run. */
export function contextFor(
  req: Request,
  res: Response,
  fallback: ResolvedOptions,
): RequestContext {
  return getContext(req) ?? attachContext(req, res, fallback);
}

/**
 * Switches the language of the messages for this request, for callers that
 * name it in a parameter (`Language`) rather than in `X-TC-Language`.
 */
export function setLanguage(req: Request, language: Language): void {
  const context = getContext(req);
  if (!context || context.language === language) return;
  const updated = Object.freeze({ ...context, language });
  Object.defineProperty(req, CONTEXT, { value: updated, configurable: true });
}

/**
 * The request id express-tcapi gave `req`, or `undefined` when `tcapi()`
 * has not run for it.
 *
 * @example
 * app.get('/', (req, res) => { log.info({ id: requestIdOf(req) }); });
 */
export function requestIdOf(req: Request): string | undefined {
  return getContext(req)?.requestId;
}
