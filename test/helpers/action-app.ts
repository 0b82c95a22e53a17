import type { Express } from 'express';
import request from 'supertest';
import {
  actionRouter,
  tcapi,
  tcapiFinish,
  type ActionTable,
  type TcapiOptions,
} from 'express-tcapi';
import type { ExpressFactory } from './express-versions.js';

export const VERSION = '2017-03-12';

/** An app serving `actions` as version 2017-03-12 at `/`. */
export function actionApp(
  express: ExpressFactory,
  actions: ActionTable,
  options?: TcapiOptions & { before?: (app: Express) => void },
): Express {
  const { before, ...tcapiOptions } = options ?? {};
  const app = express();
  app.use(tcapi(tcapiOptions));
  before?.(app);
  app.use(
    actionRouter({ versions: { [VERSION]: actions }, limits: { json: '1kb' } }),
  );
  app.use(tcapiFinish(tcapiOptions));
  return app;
}

/**
 * `POST /` as the SDKs send it, with `body` as the raw JSON text; `null`
 * leaves the action or version header out.
 */
export function callAction(
  app: Express,
  action: string | null,
  body = '{}',
  version: string | null = VERSION,
) {
  const req = request(app).post('/').set('Content-Type', 'application/json');
  if (action !== null) req.set('X-TC-Action', action);
  if (version !== null) req.set('X-TC-Version', version);
  return req.send(body);
}
