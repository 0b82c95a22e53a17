import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import { sendFailure } from '../send-failure.js';
import { claim } from './answer-claim.js';
import { sendStreamed, sendUntouched, sendWhole } from './send-upstream.js';
import {
  envelopeFacts,
  mediaType,
  opensEnvelope,
  readOpening,
} from './upstream-answer.js';
import { replacementFor, upstreamFailure } from './upstream-errors.js';
import { upstreamHeader } from './upstream-headers.js';

// Answers up to this size are read whole and checked as JSON before they
// are sent on; error envelopes are far smaller. Longer ones are checked by
// their opening and streamed.
const CHECKED_WHOLE = 64 * 1024;

/**
 * Sends an upstream answer on: an envelope byte for byte (its
 * `Content-Type` made exactly `application/json`, the `X-TC-RequestId`
 * header made that of its body), an event stream as it comes (its
 * `Content-Type` made exactly `text/event-stream`), and anything else
 * replaced by an error envelope without a word of the original.
 */
export async function relayAnswer(
  upstream: IncomingMessage,
  req: Request,
  res: Response,
): Promise<void> {
  const status = upstream.statusCode ?? 0;
  const type = mediaType(upstreamHeader(upstream, 'content-type'));
  const untouched =
    (status === 304 && isConditional(req)) ||
    (status === 200 && (type === 'text/event-stream' || req.method === 'HEAD'));
  if (untouched) {
    if (claim(res)) sendUntouched(upstream, req, res);
    else upstream.destroy();
    return;
  }
  if (!isEnvelopeStatus(status)) {
    upstream.destroy();
    if (!claim(res)) return;
    const cause = new Error(
      `The upstream answered ${status}, which carries no envelope.`,
    );
    sendFailure(req, res, replacementFor(status, undefined, cause));
    return;
  }
  let opening;
  try {
    opening = await readOpening(upstream, CHECKED_WHOLE);
  } catch (error) {
    if (claim(res)) sendFailure(req, res, upstreamFailure(error));
    return;
  }
  if (!claim(res)) {
    upstream.destroy();
    return;
  }
  const facts = opening.complete ? envelopeFacts(opening.bytes) : undefined;
  if (facts) {
    sendWhole(upstream, req, res, opening.bytes, facts);
    return;
  }
  if (!opening.complete && opensEnvelope(opening.bytes)) {
    sendStreamed(upstream, req, res, opening.bytes);
    return;
  }
  upstream.destroy();
  const what = opening.complete
    ? `${opening.bytes.length} bytes that are not an envelope`
    : 'a long body that is not an envelope';
  const cause = new Error(
    `The upstream answered ${status} (${type || 'no type'}) with ${what}.`,
  );
  const retryAfter = upstreamHeader(upstream, 'retry-after');
  sendFailure(req, res, replacementFor(status, retryAfter, cause));
}

// Statuses an envelope can come with. An informational status, a
// redirect, 204 and 205 carry none that the SDKs would read, whatever
// their body: every SDK fails on them without saying why.
function isEnvelopeStatus(status: number): boolean {
  return (
    (status >= 200 && status < 300 && status !== 204 && status !== 205) ||
    (status >= 400 && status < 600)
  );
}

// A 304 answers only a GET or HEAD that asked whether its copy is still
// current; to anything else, it is an answer the client cannot use.
function isConditional(req: Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    (req.headers['if-none-match'] !== undefined ||
      req.headers['if-modified-since'] !== undefined)
  );
}
