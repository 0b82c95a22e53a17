import express, { type Express } from 'express';
import {
  actionRouter,
  tcapi,
  tcapiFinish,
  type CredentialsOption,
} from 'express-tcapi';
import { ACTION, RESULT, VERSION } from './signature-fixtures.js';

/**
 * A one-action service; every request must be signed with one of
 * `credentials` when given.
 */
export function createActionApp(credentials?: CredentialsOption): Express {
  const app = express();
  app.use(tcapi());
  app.use(
    actionRouter({
      versions: { [VERSION]: { [ACTION]: () => RESULT } },
      credentials,
    }),
  );
  app.use(tcapiFinish());
  return app;
}
