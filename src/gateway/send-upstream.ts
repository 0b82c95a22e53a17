import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream';
import type { Request, Response } from 'express';
import { contextFor } from '../context.js';
import { errorStatus, impliedHeaders } from '../http-status.js';
import { defaultOptions } from '../options.js';
import { isSafeId } from '../request-id.js';
import { sendFailure } from '../send-failure.js';
import { mediaType, type EnvelopeFacts } from './upstream-answer.js';
import { upstreamFailure } from './upstream-errors.js';
import { copyUpstreamHeaders, upstreamHeader } from './upstream-headers.js';

/**
 * Sends an envelope read whole: its bytes as they came, on 200, or for an
 * error envelope on the status the gateway's policy gives its code.
 */
export function sendWhole(
  upstream: IncomingMessage,
  req: Request,
  res: Response,
  body: Buffer,
  facts: EnvelopeFacts,
): void {
  const { options } = contextFor(req, res, defaultOptions);
  const status =
    facts.code === undefined
      ? 200
      : errorStatus(options.httpStatus, facts.code);
  writeEnvelopeHead(upstream, res, status, facts.requestId);
  for (const [name, value] of Object.entries(impliedHeaders(status))) {
    if (!res.hasHeader(name)) res.setHeader(name, value);
  }
  res.setHeader('Content-Length', body.length);
  res.end(body);
}

/**
 * Sends a long envelope as it comes: the `head` already read, then the
 * rest. Its code is not known, so outside compatible mode the upstream's
 * own error status is kept.
 */
export function sendStreamed(
  upstream: IncomingMessage,
  req: Request,
  res: Response,
  head: Buffer,
): void {
  const { options } = contextFor(req, res, defaultOptions);
  const given = upstream.statusCode ?? 200;
  const status =
    options.httpStatus === 'compatible' || given < 400 || given > 599
      ? 200
      : given;
  writeEnvelopeHead(upstream, res, status, undefined);
  const length = upstreamHeader(upstream, 'content-length');
  if (length !== undefined) res.setHeader('Content-Length', length);
  res.write(head);
  pipeOn(upstream, req, res);
}

/**
 * Sends an answer on as it is: an event stream, a 304, the headers of a
 * HEAD. The headers go out at once, without waiting for the first event.
 */
export function sendUntouched(
  upstream: IncomingMessage,
  req: Request,
  res: Response,
): void {
  res.statusCode = upstream.statusCode ?? 200;
  copyUpstreamHeaders(upstream, res);
  const type = upstreamHeader(upstream, 'content-type');
  // A JSON answer to HEAD gets the exact type its GET would have.
  const exact =
    mediaType(type) === 'application/json' ? 'application/json' : type;
  if (exact !== undefined) res.setHeader('Content-Type', exact);
  const requestId = upstreamHeader(upstream, 'x-tc-requestid');
  if (isSafeId(requestId)) res.setHeader('X-TC-RequestId', requestId);
  res.flushHeaders();
  pipeOn(upstream, req, res);
}

function writeEnvelopeHead(
  upstream: IncomingMessage,
  res: Response,
  status: number,
  bodyRequestId: string | undefined,
): void {
  res.statusCode = status;
  copyUpstreamHeaders(upstream, res, ['content-length', 'content-encoding']);
  res.setHeader('Content-Type', 'application/json');
  // The header must name the id the body carries: that of the body when
  // it was read, or else the one the upstream sent with it.
  const requestId = isSafeId(bodyRequestId)
    ? bodyRequestId
    : upstreamHeader(upstream, 'x-tc-requestid');
  if (isSafeId(requestId)) res.setHeader('X-TC-RequestId', requestId);
}

// A failure of the upstream midway cuts the client's connection, so it
// can tell the answer is incomplete; a client that leaves is no failure.
function pipeOn(upstream: IncomingMessage, req: Request, res: Response) {
  let upstreamError: Error | undefined;
  upstream.once('error', (error) => {
    upstreamError = error;
  });
  pipeline(upstream, res, () => {
    if (upstreamError) sendFailure(req, res, upstreamFailure(upstreamError));
  });
}
