import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';
import { createApp, type AppOptions } from '../../example-app/app.js';
import { createStore } from '../../example-app/cvm/store.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';

export const REGION = 'ap-guangzhou';
export { UUID };

/**
 * An app on a fresh store with a clock the test moves by hand: transitions
 * last 2 s, and `tick()` lets them complete. Without `credentials` it
 * serves unsigned requests.
 */
export function testApp(options: Pick<AppOptions, 'credentials'> = {}) {
  let time = Date.parse('2024-06-01T00:00:00Z');
  const store = createStore({ now: () => time, transitionMs: 2000 });
  const app = createApp({ ...options, store });
  return {
    app,
    store,
    tick(ms = 2000) {
      time += ms;
    },
  };
}

interface CallOptions {
  region?: string | null;
  version?: string;
}

/** POSTs an action the way the official SDKs do. */
export function call(
  app: Express,
  action: string,
  params: object = {},
  { region = REGION, version = '2017-03-12' }: CallOptions = {},
) {
  const req = request(app)
    .post('/')
    .set('Content-Type', 'application/json')
    .set('X-TC-Action', action)
    .set('X-TC-Version', version);
  if (region !== null) req.set('X-TC-Region', region);
  return req.send(params);
}

/**
 * GETs an action the TC3 way: the common parameters in `X-TC-*` headers,
 * the action's own flattened into `query` (`Filters.0.Values.1=...`).
 */
export function callGet(app: Express, action: string, query: string) {
  return request(app)
    .get(`/?${query}`)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .set('X-TC-Action', action)
    .set('X-TC-Version', '2017-03-12')
    .set('X-TC-Region', REGION);
}

/**
 * Sends an action the v1 way, unsigned: the common parameters among the
 * action's own, in the query (GET) or a form body (POST).
 */
export function callV1(
  app: Express,
  method: 'GET' | 'POST',
  action: string,
  query: string,
) {
  const all = `Action=${action}&Version=2017-03-12&Region=${REGION}&${query}`;
  return method === 'GET'
    ? request(app).get(`/?${all}`)
    : request(app)
        .post('/')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(all);
}

type Reply = Awaited<ReturnType<typeof call>>;

/** Checks the envelope every answer shares and returns `Response`. */
export function envelope(res: Reply): Record<string, any> {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json');
  expect(res.body.Response.RequestId).toMatch(UUID);
  expect(res.body.Response.RequestId).toBe(res.headers['x-tc-requestid']);
  return res.body.Response;
}

/** Checks a success envelope and returns its fields. */
export function success(res: Reply): Record<string, any> {
  const response = envelope(res);
  expect(response.Error).toBeUndefined();
  return response;
}

/** Checks an error envelope and returns its `Error`. */
export function failure(res: Reply, code: string) {
  const { Error: error } = envelope(res);
  expect(error?.Code).toBe(code);
  expect(typeof error?.Message).toBe('string');
  return error as { Code: string; Message: string };
}

/** The state of each instance of the region, by id. */
export async function states(app: Express, region = REGION) {
  const res = await call(
    app,
    'DescribeInstancesStatus',
    { Limit: 100 },
    { region },
  );
  const set = success(res).InstanceStatusSet as {
    InstanceId: string;
    InstanceState: string;
  }[];
  return Object.fromEntries(set.map((s) => [s.InstanceId, s.InstanceState]));
}

/** The seed instances of ap-guangzhou (and one of ap-shanghai). */
export const SEEDED = {
  /** web-1, RUNNING, ap-guangzhou-3, pay-as-you-go */
  web1: 'ins-2mb7q1xa',
  /** web-2, RUNNING, ap-guangzhou-6, pay-as-you-go */
  web2: 'ins-5fxkq0ju',
  /** db-1, RUNNING, ap-guangzhou-3, prepaid */
  db1: 'ins-9r3d6wtc',
  /** batch-1, STOPPED, ap-guangzhou-7, pay-as-you-go */
  batch1: 'ins-c4h8npz2',
  /** legacy-1, STOPPED, ap-guangzhou-3, prepaid */
  legacy1: 'ins-k7vy3e1m',
  /** web-1 of ap-shanghai, RUNNING */
  shanghai: 'ins-t0w5lr8g',
} as const;
