import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Writes a JSON body with `Content-Type` exactly `application/json`:
 * Express's helpers append a charset, and the Python SDK then reads an
 * error envelope as a silent success. HEAD gets the headers alone; 204 and
 * 304 never carry a body.
 */
export function writeJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers))
    res.setHeader(name, value);
  if (status === 204 || status === 304) {
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.end();
    return;
  }
  res.setHeader('Content-Type', 'application/json');
  // A Transfer-Encoding the app set would contradict Content-Length.
  res.removeHeader('Transfer-Encoding');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  if (req.method === 'HEAD') res.end();
  else res.end(body);
}
