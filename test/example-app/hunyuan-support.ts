import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { createApp } from '../../example-app/app.js';
import type { ChatOptions } from '../../example-app/hunyuan/index.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';

export const HUNYUAN_VERSION = '2023-09-01';
export { UUID };

/** The example app, unsigned, its chat streaming without pauses. */
export function chatApp(chat: ChatOptions = {}): Express {
  return createApp({ chat: { delayMs: 0, ...chat } });
}

/** A user's one-message conversation. */
export const ask = (content: string) => ({
  Model: 'hunyuan-lite',
  Messages: [{ Role: 'user', Content: content }],
});

// Reads any body as text: supertest leaves an event stream unread.
function asText(
  res: NodeJS.ReadableStream,
  done: (error: Error | null, body: string) => void,
) {
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
  });
  res.on('end', () => done(null, text));
}

/** POSTs ChatCompletions to `/hunyuan` as the official SDK does. */
export function chat(app: Express, params: object) {
  return request(app)
    .post('/hunyuan')
    .set('Content-Type', 'application/json')
    .set('X-TC-Action', 'ChatCompletions')
    .set('X-TC-Version', HUNYUAN_VERSION)
    .set('X-TC-Region', 'ap-guangzhou')
    .buffer(true)
    .parse(asText as never)
    .send(params);
}

type Reply = Awaited<ReturnType<typeof chat>>;

/** Checks a JSON envelope and returns its `Response`. */
export function envelope(res: Reply): Record<string, any> {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json');
  const { Response } = JSON.parse(res.body as string);
  expect(Response.RequestId).toBe(res.headers['x-tc-requestid']);
  expect(Response.RequestId).toMatch(UUID);
  return Response;
}

/** Checks an error envelope of `code` and returns its message. */
export function failure(res: Reply, code: string): string {
  const { Error: error } = envelope(res);
  expect(error?.Code).toBe(code);
  return error.Message as string;
}

/** Checks an event stream and returns its events. */
export function events(res: Reply): Record<string, any>[] {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/event-stream');
  return (res.body as string)
    .split('\n\n')
    .filter((frame) => frame !== '')
    .map((frame) => {
      expect(frame.startsWith('data: ')).toBe(true);
      return JSON.parse(frame.slice('data: '.length));
    });
}
