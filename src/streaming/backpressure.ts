import type { ServerResponse } from 'node:http';

/**
 * Writes one chunk and, when the socket's buffer is full, waits until it
 * drains (or the connection closes) before the next event is asked for:
 * a slow reader slows the producer down instead of the server buffering
 * without bound.
 */
export async function writeAndDrain(
  res: ServerResponse,
  chunk: string,
): Promise<void> {
  if (!canWrite(res)) return;
  const flowing = res.write(chunk);
  // compression() holds data back until told to flush.
  (res as { flush?: () => void }).flush?.();
  if (!flowing) await drained(res);
}

/** Whether anything can still be written to the response. */
export function canWrite(res: ServerResponse): boolean {
  return !res.writableEnded && !res.destroyed;
}

function drained(res: ServerResponse): Promise<void> {
  if (!canWrite(res) || !res.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
