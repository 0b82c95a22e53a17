import type { Request, Response } from 'express';
import { ApiError } from '../errors/api-error.js';
import { codeForStatus } from '../errors/http-status-errors.js';
import type { ResolvedOptions } from '../options.js';
import { sendFailure } from '../send-failure.js';
import { sendResult } from '../send-result.js';

/**
 * Routes the response helpers an app writes results with through the
 * envelope writer:
 * - `res.json(x)`, `res.jsonp(x)` and `res.send(x)` for anything but a
 *   string or a buffer
 *   write `x` as the success envelope. They never call each other here, so
 *   a result is wrapped once.
 * - `res.sendStatus(s)` writes an empty envelope, or for 4xx/5xx the error
 *   envelope of the status's code.
 * - `res.send(string | Buffer)`, `res.write()` and `res.end()` stay raw, as
 *   the escape hatch for content that is not an API result.
 */
export function patchResponse(
  req: Request,
  res: Response,
  options: ResolvedOptions,
): void {
  const rawSend = res.send;
  res.json = function tcapiJson(this: Response, result?: unknown) {
    sendResult(req, this, result, options);
    return this;
  };
  res.jsonp = res.json;
  res.send = function tcapiSend(this: Response, body?: unknown) {
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      return rawSend.call(this, body);
    }
    sendResult(req, this, body, options);
    return this;
  };
  res.sendStatus = function tcapiSendStatus(this: Response, status: number) {
    if (!Number.isInteger(status) || status < 200 || status > 599) {
      const bug = new RangeError(`Invalid status code: ${status}`);
      sendFailure(req, this, bug, options);
    } else if (status >= 400) {
      const error = new ApiError(codeForStatus(status), undefined, { status });
      sendFailure(req, this, error, options);
    } else {
      this.statusCode = status;
      sendResult(req, this, undefined, options);
    }
    return this;
  };
  if (options.noContent === 'envelope' && options.httpStatus === 'compatible') {
    convertNoContent(req, res, options);
  }
}

// `res.status(204).end()` bypasses the helpers above; in compatible mode
// the SDKs treat 204 as an error, so it can become an empty envelope.
function convertNoContent(
  req: Request,
  res: Response,
  options: ResolvedOptions,
) {
  const rawEnd = res.end;
  res.end = function tcapiEnd(this: Response, ...args: unknown[]) {
    if (this.statusCode === 204 && !this.headersSent) {
      this.statusCode = 200;
      sendResult(req, this, undefined, options);
      return this;
    }
    return (rawEnd as (...a: unknown[]) => Response).apply(this, args);
  } as Response['end'];
}
