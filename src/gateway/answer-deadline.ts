import type { ClientRequest } from 'node:http';
import { upstreamTimeout } from './upstream-errors.js';

/**
 * Gives the upstream `ms` milliseconds, from the moment the request is
 * forwarded, to start its answer (its status line and headers received
 * in full); past that, the proxied request is destroyed with the
 * upstream timeout error, and the client is told
 * `InternalError.BackendTimeout`.
 *
 * A deadline, not an idle timer: an upstream that sends its headers one
 * byte at a time is never idle for long, yet never answers. Once the
 * answer has started, only silence counts (see `watchSilence()`), since a
 * stream may rightly last much longer.
 */
export function answerDeadline(proxyReq: ClientRequest, ms: number): void {
  const timer = setTimeout(() => {
    proxyReq.destroy(
      upstreamTimeout(`The upstream's answer did not start within ${ms} ms.`),
    );
  }, ms);
  const stop = () => clearTimeout(timer);
  proxyReq.once('response', stop);
  proxyReq.once('close', stop);
}
