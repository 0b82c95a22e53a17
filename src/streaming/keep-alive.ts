import type { ServerResponse } from 'node:http';
import { canWrite } from './backpressure.js';
import { PING_FRAME } from './sse-frame.js';

/**
 * Waits for the producer's next step, writing a `: ping` comment every
 * `intervalMs` while it is silent. No comment is written into a buffer
 * that is already full: the reader is behind anyway.
 */
export async function withKeepAlive<T>(
  res: ServerResponse,
  step: Promise<T>,
  intervalMs: number | undefined,
): Promise<T> {
  if (intervalMs === undefined) return step;
  const timer = setInterval(() => {
    // A producer may outlive its client; its timer must not.
    if (!canWrite(res)) clearInterval(timer);
    else if (!res.writableNeedDrain) {
      res.write(PING_FRAME);
      (res as { flush?: () => void }).flush?.();
    }
  }, intervalMs);
  try {
    return await step;
  } finally {
    clearInterval(timer);
  }
}
