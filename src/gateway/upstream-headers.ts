import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSafeId } from '../request-id.js';

// The only headers relayed from an upstream answer, besides those the
// gateway writes itself (`Content-Type`, `X-TC-RequestId`, and the
// framing of each answer): what a client has a use for. An allow-list,
// since any other header may name the upstream's address, host or
// software (`Server`, `Via`, `Link`, `Set-Cookie` with its `Domain`, a
// realm in `WWW-Authenticate`, `X-Backend`, ...), and nobody can list
// them all.
const RELAYED = new Set([
  'x-tc-traceid',
  'retry-after',
  'cache-control',
  // Validators, for the 304 of a conditional GET.
  'etag',
  'last-modified',
]);

// `RateLimit`, `RateLimit-Policy`, `RateLimit-Limit`, ... (IETF drafts)
// and `X-RateLimit-*`.
const RELAYED_PREFIXES = ['ratelimit', 'x-ratelimit-'];

/** Whether an upstream header of that name (lower-case) is relayed. */
function isRelayedHeader(name: string): boolean {
  return (
    RELAYED.has(name) ||
    RELAYED_PREFIXES.some((prefix) => name.startsWith(prefix))
  );
}

/**
 * Copies the upstream headers that are relayed (see `isRelayedHeader()`)
 * to the client's response, except those the gateway has set itself (its
 * rate limit headers, the echoed trace id) and a trace id that is not
 * safe to echo.
 */
export function copyUpstreamHeaders(
  upstream: IncomingMessage,
  res: ServerResponse,
): void {
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value === undefined || !isRelayedHeader(name)) continue;
    if (name === 'x-tc-traceid' && !isSafeId(value)) continue;
    if (!res.hasHeader(name)) res.setHeader(name, value);
  }
}

/** A single header value of the upstream's answer. */
export function upstreamHeader(
  upstream: IncomingMessage,
  name: string,
): string | undefined {
  const value = upstream.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
