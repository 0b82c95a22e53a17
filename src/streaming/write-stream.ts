import type { Request, Response } from 'express';
import { contextFor } from '../context.js';
import { debugStreams } from '../log.js';
import type { ResolvedOptions } from '../options.js';
import { canWrite, untilOrClosed, writeAndDrain } from './backpressure.js';
import { disconnectSignal } from './disconnect-signal.js';
import {
  envelopeErrorEvent,
  streamFailure,
  type StreamFailure,
} from './error-event.js';
import { GONE, iteratorOf, nextOrGone, stop } from './producer.js';
import { dataFrame } from './sse-frame.js';
import type { StreamResult } from './stream-result.js';

/**
 * Sends a stream as server-sent events. The first event is awaited before
 * anything is written, so that a failure until then rejects with nothing
 * sent, for the caller's error path to answer with an envelope. After it,
 * a failure is written as a last error event, the response is ended, and
 * the promise rejects with the error once the response is out, so that
 * the error path only reports it. A client that goes away stops the
 * producer (its iterator's `return()`), and the promise resolves.
 */
export async function writeStream(
  req: Request,
  res: Response,
  stream: StreamResult,
  options: ResolvedOptions,
): Promise<void> {
  const { requestId } = contextFor(req, res, options);
  const iterator = iteratorOf(stream.events);
  if (res.headersSent) {
    stop(iterator);
    throw new Error(LATE_STREAM);
  }
  const signal = disconnectSignal(res);
  if (signal.aborted) {
    stop(iterator);
    return;
  }
  const first = await nextOrGone(res, iterator, signal, undefined);
  if (first === GONE) return;
  let frame: string | undefined;
  try {
    frame = first.done ? undefined : dataFrame(first.value, options.bigint);
  } catch (error) {
    stop(iterator);
    throw error;
  }
  startEventStream(res);
  if (req.method === 'HEAD') {
    res.end();
    stop(iterator);
    return;
  }
  let sent = 0;
  while (frame !== undefined) {
    await writeAndDrain(res, frame);
    sent += 1;
    if (signal.aborted) {
      debugStreams('%s client went away after %d events', requestId, sent);
      stop(iterator);
      return;
    }
    let step: IteratorResult<unknown> | typeof GONE;
    try {
      step = await nextOrGone(res, iterator, signal, stream.keepAliveMs);
    } catch (error) {
      // A producer that threw is finished: there is nothing to stop.
      return endWithError(req, res, stream, options, error);
    }
    if (step === GONE) {
      debugStreams('%s client went away after %d events', requestId, sent);
      return;
    }
    if (step.done) break;
    try {
      frame = dataFrame(step.value, options.bigint);
    } catch (error) {
      stop(iterator);
      return endWithError(req, res, stream, options, error);
    }
  }
  if (canWrite(res)) res.end();
}

const LATE_STREAM = 'A stream was returned after the response had started.';

function startEventStream(res: Response): void {
  // setHeader, not res.type(): Express would append a charset, and the
  // Node.js and Python SDKs then no longer recognise the stream.
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/event-stream');
  res.setHeader('Cache-Control', 'no-cache');
  res.removeHeader('Content-Length');
}

async function endWithError(
  req: Request,
  res: Response,
  stream: StreamResult,
  options: ResolvedOptions,
  error: unknown,
): Promise<void> {
  const { requestId, language } = contextFor(req, res, options);
  if (!canWrite(res)) {
    debugStreams(
      '%s the stream failed after the client left: %O',
      requestId,
      error,
    );
    return;
  }
  const failure = streamFailure(error, requestId, language);
  res.end(errorFrame(stream, failure, options));
  await sent(res);
  throw error;
}

function errorFrame(
  stream: StreamResult,
  failure: StreamFailure,
  options: ResolvedOptions,
): string {
  if (stream.errorEvent) {
    try {
      return dataFrame(stream.errorEvent(failure), options.bigint);
    } catch (error) {
      debugStreams(
        '%s errorEvent failed, the default error event is sent: %O',
        failure.requestId,
        error,
      );
    }
  }
  return dataFrame(envelopeErrorEvent(failure), options.bigint);
}

// Express's own final handler destroys the socket of a response that has
// started: the error event must be out before anyone is told of the error.
function sent(res: Response): Promise<void> {
  if (res.writableFinished || res.closed) return Promise.resolve();
  return untilOrClosed(res, 'finish');
}
