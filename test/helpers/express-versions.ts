import express5 from 'express';
import express4 from 'express4';
import type { Express } from 'express';
import type { Response as TestResponse } from 'supertest';
import { expect } from 'vitest';
import { tcapi, tcapiFinish, type TcapiOptions } from 'express-tcapi';

/** An Express factory: `express()` of either major version. */
export type ExpressFactory = typeof express5;

/** Both major versions, for `describe.each(EXPRESS_VERSIONS)`. */
export const EXPRESS_VERSIONS: ReadonlyArray<
  readonly [string, ExpressFactory]
> = [
  ['Express 4', express4 as ExpressFactory],
  ['Express 5', express5],
];

/** Express 5 alone, for what only it does (native async rejections). */
export { express5 };

export const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * An app with `tcapi(options)` before `routes` and `tcapiFinish(options)`
 * after them, as the README mounts it.
 */
export function tcapiApp(
  express: ExpressFactory,
  routes: (app: Express) => void,
  options?: TcapiOptions,
): Express {
  const app = express();
  app.use(tcapi(options));
  routes(app);
  app.use(tcapiFinish(options));
  return app;
}

/**
 * Asserts what every envelope shares: the status, `Content-Type` exactly
 * `application/json`, and a UUID v4 `RequestId` equal to the
 * `X-TC-RequestId` header. Returns the request id.
 */
export function expectEnvelope(res: TestResponse, status = 200): string {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toBe('application/json');
  const requestId: unknown = res.body?.Response?.RequestId;
  expect(requestId).toBe(res.headers['x-tc-requestid']);
  expect(requestId).toMatch(UUID_V4);
  return requestId as string;
}

/**
 * Asserts an error envelope with `code` (and `message`, when given) and
 * nothing else in `Response`. Returns the message sent.
 */
export function expectError(
  res: TestResponse,
  code: string,
  status = 200,
  message?: string,
): string {
  const requestId = expectEnvelope(res, status);
  expect(Object.keys(res.body)).toEqual(['Response']);
  expect(Object.keys(res.body.Response)).toEqual(['Error', 'RequestId']);
  const error = res.body.Response.Error as { Code: unknown; Message: unknown };
  expect(Object.keys(error)).toEqual(['Code', 'Message']);
  expect(error.Code).toBe(code);
  expect(typeof error.Message).toBe('string');
  if (message !== undefined) expect(error.Message).toBe(message);
  expect(res.body.Response.RequestId).toBe(requestId);
  return error.Message as string;
}
