import { once } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server listening on a loopback port. */
export interface Listening {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Listens on a random loopback port. */
export async function listen(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    server,
    async close() {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A loopback port nothing listens on: connections are refused. */
export async function refusingPort(): Promise<number> {
  const probe = await listen(() => undefined);
  await probe.close();
  return probe.port;
}

/** A request as an upstream received it. */
export interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** How a test upstream answers a request it has read in full. */
export type Answer = (
  req: IncomingMessage,
  res: ServerResponse,
  seen: Seen,
) => void;

/**
 * An upstream that reads each request whole, records it, and answers
 * with `answer`.
 */
export async function upstream(
  answer: Answer,
): Promise<Listening & { seen: Seen[] }> {
  const seen: Seen[] = [];
  const listening = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const record = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      seen.push(record);
      answer(req, res, record);
    });
  });
  return Object.assign(listening, { seen });
}

/** Answers `status` with `body` and the given headers, exactly. */
export function raw(
  status: number,
  body: string | Buffer,
  headers: Readonly<Record<string, string>> = {},
): Answer {
  return (_req, res) => {
    res.writeHead(status, {
      'Content-Length': String(Buffer.byteLength(body)),
      ...headers,
    });
    res.end(body);
  };
}

/** An envelope as the real service writes one, with `RequestId` `id`. */
export function envelopeText(fields: object, id = 'upstream-id-1'): string {
  return JSON.stringify({ Response: { ...fields, RequestId: id } });
}
