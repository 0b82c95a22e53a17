import type { ServerResponse } from 'node:http';

// Responses the gateway has begun to answer, by either path: the
// upstream's answer, or a proxy error. Whichever comes second only cuts.
const answered = new WeakSet<ServerResponse>();

/**
 * Claims the response for one answer; `false` when another path already
 * answers it or it is finished.
 */
export function claim(res: ServerResponse): boolean {
  if (answered.has(res) || res.writableEnded) return false;
  answered.add(res);
  return true;
}
