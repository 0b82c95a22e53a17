import type { IncomingMessage, ServerResponse } from 'node:http';
import { upstreamTimeout } from './upstream-errors.js';

/**
 * Destroys an upstream answer, with the upstream timeout error, once the
 * upstream has sent no byte of it for `ms` milliseconds, so the client is
 * told `InternalError.BackendTimeout` or, once its answer has started,
 * has its connection cut.
 *
 * Only the upstream's own silence counts. While the client is slow to
 * read, the relay waits for its response to drain and stops reading the
 * upstream, which then rightly sends nothing: the timer starts over once
 * the client has caught up, rather than cutting a reader that is merely
 * slow.
 */
export function watchSilence(
  upstream: IncomingMessage,
  res: ServerResponse,
  ms: number,
): void {
  // The socket, not the answer: listening for the answer's own 'data'
  // would start it flowing before the relay reads it.
  const socket = upstream.socket;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(expire, ms);
  };
  const expire = () => {
    if (res.writableNeedDrain) {
      res.once('drain', arm);
      return;
    }
    stop();
    upstream.destroy(
      upstreamTimeout(`The upstream sent nothing for ${ms} ms.`),
    );
  };
  const stop = () => {
    clearTimeout(timer);
    socket?.off('data', arm);
    res.off('drain', arm);
    res.off('close', stop);
    upstream.off('end', stop);
    upstream.off('close', stop);
  };
  socket?.on('data', arm);
  res.once('close', stop);
  upstream.once('end', stop);
  upstream.once('close', stop);
  arm();
}
