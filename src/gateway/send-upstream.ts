import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream';
import type { Request, Response } from 'express';
import { contextFor } from '../context.js';
import { errorStatus, impliedHeaders } from '../http-status.js';
import { defaultOptions } from '../options.js';
import { isSafeId } from '../request-id.js';
import { sendFailure } from '../send-failure.js';
import { replaceRequestId } from './replace-request-id.js';
import { mediaType, type EnvelopeFacts } from './upstream-answer.js';
import { upstreamFailure } from './upstream-errors.js';
import { copyUpstreamHeaders, upstreamHeader } from './upstream-headers.js';

/**
 * Sends an envelope read whole: its bytes as they came, on 200, or for an
 * error envelope on the status the gateway's policy gives its code.
 *
 * One change only: a `RequestId` that is not a safe id (too long, or with
 * characters that do not belong in a header or a log line) is replaced
 * by the gateway's own, so that the body and `X-TC-RequestId` still name
 * the same request.
 */
export function sendWhole(
  upstream: IncomingMessage,
  req: Request,
  res: Response,
  body: Buffer,
  facts: EnvelopeFacts,
): void {
  const { options, requestId } = contextFor(req, res, defaultOptions);
  const status =
    facts.code === undefined
      ? 200
      : errorStatus(options.httpStatus, facts.code);
  const safe = isSafeId(facts.requestId);
  const sent = safe ? body : replaceRequestId(body, requestId);
  writeEnvelopeHead(upstream, res, status, safe ? facts.requestId : requestId);
  for (const [name, value] of Object.entries(impliedHeaders(status))) {
    if (!res.hasHeader(name)) res.setHeader(name, value);
  }
  res.setHeader('Content-Length', sent.length);
  res.end(sent);
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
 * Sends an answer on as it is: an event stream, the 304 of a conditional
 * GET, the headers of a HEAD. Its body goes byte for byte, so its
 * `Content-Length` and `Content-Encoding` still describe it; its other
 * headers are those relayed from any answer. The headers go out at once,
 * without waiting for the first event.
 */
export function sendUntouched(
  upstream: IncomingMessage,
  req: Request,
  res: Response,
): void {
  res.statusCode = upstream.statusCode ?? 200;
  copyUpstreamHeaders(upstream, res);
  for (const name of ['content-length', 'content-encoding']) {
    const value = upstreamHeader(upstream, name);
    if (value !== undefined) res.setHeader(name, value);
  }
  // The media type alone: with a charset, the Node and Python SDKs no
  // longer recognise an event stream, and a JSON answer to HEAD gets the
  // exact type its GET would have.
  const type = mediaType(upstreamHeader(upstream, 'content-type'));
  if (type !== '') res.setHeader('Content-Type', type);
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
  copyUpstreamHeaders(upstream, res);
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
