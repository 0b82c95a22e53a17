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
  return untilOrClosed(res, 'drain');
}

/**
 * Resolves on `event` or on `'close'`, whichever comes first, and leaves
 * no listener behind: a client that leaves must never keep a writer
 * waiting.
 */
export function untilOrClosed(
  res: ServerResponse,
  event: 'drain' | 'finish',
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off(event, done);
      res.off('close', done);
      resolve();
    };
    res.on(event, done);
    res.on('close', done);
  });
}
