import type { Request, Response } from 'express';
import { sendFailure } from './send-failure.js';

let warned = false;

/**
 * Whether a factory was mounted without being called (`app.use(tcapi)`),
 * so that Express is calling it with a request. The mistake, a TypeError
 * that shows the fix, goes to `next()` when `passOn` (the error handlers
 * then answer) or else straight into an `InternalError` envelope, never
 * Express's HTML page; it is also reported once as a process warning.
 */
export function answeredMisuse(
  name: string,
  args: ArrayLike<unknown>,
  passOn = false,
): boolean {
  const list = Array.from(args);
  // As middleware: (req, res, next); as error middleware: (err, req, res, next).
  const at = isRequest(list[0]) ? 0 : 1;
  const [req, res, next] = list.slice(at);
  if (!isRequest(req) || !isResponse(res)) return false;
  const fix = `call the factory: app.use(${name}()), not app.use(${name})`;
  const error = new TypeError(
    `express-tcapi: ${name} was mounted without being called; ${fix}.`,
  );
  if (!warned) {
    warned = true;
    process.emitWarning(error.message, { code: 'EXPRESS_TCAPI_MISUSE' });
  }
  if (passOn && typeof next === 'function') next(error);
  else sendFailure(req, res, error);
  return true;
}

function isRequest(value: unknown): value is Request {
  return (
    typeof value === 'object' &&
    value !== null &&
    'headers' in value &&
    'method' in value
  );
}

function isResponse(value: unknown): value is Response {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { setHeader?: unknown }).setHeader === 'function'
  );
}
