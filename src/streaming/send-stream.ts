import type { Request, Response } from 'express';
import { contextFor } from '../context.js';
import { defaultOptions } from '../options.js';
import {
  isStreamResult,
  streamResult,
  type StreamOptions,
  type StreamResult,
} from './stream-result.js';
import { writeStream } from './write-stream.js';

/**
 * Sends events as `text/event-stream` from a plain route, as
 * `actionRouter()` does for a handler that returns {@link streamResult}.
 * The promise resolves when the stream has ended or the client has gone
 * away (which stops the producer). It rejects with the producer's error:
 * before the first event nothing has been written, so the error handlers
 * answer with the ordinary envelope; after it, the stream already ends
 * with an error event and the error handlers only report the failure.
 * Either way, hand the rejection to `next()` (Express 5 does so for an
 * `async` route, `asyncHandler()` on Express 4).
 *
 * @example
 * app.post('/chat', asyncHandler((req, res) =>
 *   sendStream(req, res, reply(req.body, disconnectSignal(res)),
 *     { keepAliveMs: 15_000 })));
 */
export async function sendStream<Event>(
  req: Request,
  res: Response,
  events: AsyncIterable<Event> | Iterable<Event> | StreamResult<Event>,
  options?: StreamOptions,
): Promise<void> {
  let stream: StreamResult<Event>;
  if (isStreamResult(events)) {
    if (options !== undefined) {
      throw new TypeError(
        'express-tcapi: sendStream() was given a streamResult() and options; give the options to streamResult() alone.',
      );
    }
    stream = events as StreamResult<Event>;
  } else {
    stream = streamResult(events, options);
  }
  const inForce = contextFor(req, res, defaultOptions).options;
  return writeStream(req, res, stream, inForce);
}
