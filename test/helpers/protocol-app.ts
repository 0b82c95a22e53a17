import type { Express } from 'express';
import { expect } from 'vitest';
import {
  actionRouter,
  tcapi,
  tcapiFinish,
  type ActionRouterOptions,
  type ActionTable,
  type TcapiOptions,
} from 'express-tcapi';
import type { ExpressFactory } from './express-versions.js';
import { SECRET_ID, SECRET_KEY, VERSION } from './protocol-requests.js';
import { recordErrors } from './record-errors.js';

/** How a test app is put together besides the router's own options. */
export interface ProtocolAppOptions extends TcapiOptions {
  /** Mounted between `tcapi()` and the router, such as a body parser. */
  before?: (app: Express) => void;
  /** Receives every error the router passes to `next(err)`. */
  seen?: unknown[];
}

/** The credentials most tests sign with. */
export const CREDENTIALS = { [SECRET_ID]: SECRET_KEY };

/**
 * `tcapi()`, then `before`, then `actionRouter(router)` at `/`, then
 * `tcapiFinish()`.
 */
export function protocolApp(
  express: ExpressFactory,
  router: ActionRouterOptions,
  options: ProtocolAppOptions = {},
): Express {
  const { before, seen, ...tcapiOptions } = options;
  const app = express();
  app.use(tcapi(tcapiOptions));
  before?.(app);
  app.use(actionRouter(router));
  if (seen) app.use(recordErrors(seen));
  app.use(tcapiFinish(tcapiOptions));
  return app;
}

/** An app serving `actions` as version 2017-03-12, signed with the test key. */
export function signedApp(
  express: ExpressFactory,
  actions: ActionTable,
  router: Partial<ActionRouterOptions> = {},
  options: ProtocolAppOptions = {},
): Express {
  return protocolApp(
    express,
    { versions: { [VERSION]: actions }, credentials: CREDENTIALS, ...router },
    options,
  );
}

/** The parameter schema of the DescribeInstances-like test action. */
export const FILTERS_SCHEMA = {
  type: 'object',
  properties: {
    Limit: { type: 'integer' },
    Filters: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          Name: { type: 'string' },
          Values: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

/** The flattened form of `{ Limit: 2, Filters: [zone in a, b] }`. */
export const FILTERS_QUERY =
  'Limit=2&Filters.0.Name=zone&Filters.0.Values.0=a&Filters.0.Values.1=b';

export const FILTERS_PARAMS = {
  Limit: 2,
  Filters: [{ Name: 'zone', Values: ['a', 'b'] }],
};

/** Asserts a message is the Chinese one: not `english`, with CJK text. */
export function expectChinese(message: string, english?: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  if (english !== undefined) expect(message).not.toBe(english);
}

/** Asserts a message is English: printable ASCII only. */
export function expectEnglish(message: string): void {
  expect(message).toMatch(/^[\x20-\x7e]+$/);
}
