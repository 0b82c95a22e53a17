import {
  request,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from 'node:http';
import type { Express } from 'express';
import { VERSION } from './action-app.js';
import { closeAfterEach } from './close-after-each.js';
import { listen } from './gateway-upstreams.js';

/** An app listening on a random loopback port. */
export interface Served {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A `serve(app)` for the tests of one file, to be called at its top
 * level: `serve` starts `app` on a loopback port, and the app is closed
 * after the test that served it.
 */
export function servePerTest(): (app: Express) => Promise<Served> {
  const track = closeAfterEach();
  return (app) => track(listen(app));
}

/** A request to send; the action's headers by default. */
export interface RawRequest {
  /** `X-TC-Action`; `null` for a plain route. */
  action?: string | null;
  body?: string;
  path?: string;
  method?: string;
  headers?: Readonly<Record<string, string>>;
}

/**
 * Sends a request and resolves with the response as soon as its headers
 * arrive, before any of the body is read: the caller reads it, or not.
 */
export function open(
  served: Served,
  options: RawRequest = {},
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = send(served, options);
    req.on('response', resolve);
    req.on('error', reject);
  });
}

/** Sends a request; the caller listens for its response. */
export function send(
  served: Served,
  {
    action = 'ChatCompletions',
    body = '{}',
    path = '/',
    method = 'POST',
    headers = {},
  }: RawRequest = {},
): ClientRequest {
  const req = request({
    host: '127.0.0.1',
    port: served.port,
    method,
    path,
    headers: {
      'Content-Type': 'application/json',
      ...(action !== null && {
        'X-TC-Action': action,
        'X-TC-Version': VERSION,
      }),
      ...headers,
    },
  });
  req.end(body);
  return req;
}

/** A response read to its end. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

/** Reads the rest of a response as UTF-8 text. */
export async function readAll(res: IncomingMessage): Promise<string> {
  res.setEncoding('utf8');
  let text = '';
  for await (const chunk of res) text += chunk as string;
  return text;
}

/** Sends a request and reads the whole response. */
export async function fetchRaw(
  served: Served,
  options: RawRequest = {},
): Promise<RawResponse> {
  const res = await open(served, options);
  const text = await readAll(res);
  return { status: res.statusCode ?? 0, headers: res.headers, text };
}

/** The `data` of each `data:` frame of an event stream, parsed. */
export function dataOf(text: string): unknown[] {
  return text
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: '))
    .map((frame) => JSON.parse(frame.slice('data: '.length)));
}

/** Resolves once `check()` holds, polling; fails after `timeoutMs`. */
export async function until(
  check: () => boolean,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Waits `ms` milliseconds. */
export const pause = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));
