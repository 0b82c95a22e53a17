import type { IncomingMessage, ServerResponse } from 'node:http';

// Not passed on from an upstream answer: hop-by-hop headers, which
// describe one connection, and headers that can name the upstream's
// host, port or software.
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'location',
  'content-location',
  'refresh',
  'server',
  'via',
  'x-powered-by',
  'alt-svc',
]);

/**
 * Copies the upstream's headers to the client's response, except those
 * in `DROPPED` and `skip`, and except those the gateway has set itself
 * (its rate limit headers, the echoed trace id).
 */
export function copyUpstreamHeaders(
  upstream: IncomingMessage,
  res: ServerResponse,
  skip: readonly string[] = [],
): void {
  for (const [name, value] of Object.entries(upstream.headers)) {
    if (value === undefined || DROPPED.has(name) || skip.includes(name)) {
      continue;
    }
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
