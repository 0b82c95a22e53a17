import { once } from 'node:events';
import http from 'node:http';
import { createServer, type AddressInfo, type Socket } from 'node:net';

/** What a client read of one answer. */
export interface ReadAnswer {
  readonly status: number | undefined;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: Buffer;
  /** Whether the answer arrived whole, not cut. */
  readonly complete: boolean;
}

/** How {@link readSlowly} sends its request and reads the answer. */
export interface SlowReading {
  /** Bytes read before the pause. */
  readonly pauseAfter: number;
  /** How long, in milliseconds, nothing is read. */
  readonly pauseMs: number;
  readonly method?: string;
  readonly body?: string;
}

/**
 * Sends a request to `port` and reads the answer like a slow client:
 * `pauseAfter` bytes, then nothing for `pauseMs` (so the connection
 * backs up), then the rest.
 */
export function readSlowly(
  port: number,
  { pauseAfter, pauseMs, method = 'POST', body = '{}' }: SlowReading,
): Promise<ReadAnswer> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: '/' },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let paused = false;
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (paused || size < pauseAfter) return;
          paused = true;
          res.pause();
          setTimeout(() => res.resume(), pauseMs);
        });
        res.on('error', () => undefined);
        res.on('close', () =>
          resolve({
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks),
            complete: res.complete,
          }),
        );
      },
    );
    req.on('error', () =>
      resolve({
        status: undefined,
        headers: {},
        body: Buffer.alloc(0),
        complete: false,
      }),
    );
    req.end(body);
  });
}

/** A raw TCP upstream, closed with every connection it holds. */
export interface RawUpstream {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * An upstream that reads nothing and answers by writing `status line`
 * one byte every `intervalMs`, never finishing its headers: it is never
 * silent for long, yet its answer never starts.
 */
export async function drippingUpstream(
  intervalMs: number,
): Promise<RawUpstream> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const head = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Pad: ';
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    let sent = 0;
    const timer = setInterval(() => {
      // The headers go on for ever, one byte at a time.
      socket.write(sent < head.length ? head[sent]! : 'x');
      sent += 1;
    }, intervalMs);
    timers.add(timer);
    socket.on('close', () => clearInterval(timer));
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
