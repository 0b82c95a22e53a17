import express, { type Express } from 'express';
import { ApiError, tcapi, tcapiFinish } from 'express-tcapi';
import { DESCRIBE_INSTANCES_RESULT, INSTANCE_NOT_FOUND } from './fixtures.js';
import { ERROR, SUCCESS } from './scenarios.js';

/** The same routes written the way express-tcapi documents. */
export function createTcapiApp(): Express {
  const app = express();
  app.use(tcapi());
  app.get(SUCCESS.path, (_req, res) => {
    res.json(DESCRIBE_INSTANCES_RESULT);
  });
  app.get(ERROR.path, () => {
    throw new ApiError(INSTANCE_NOT_FOUND.code, INSTANCE_NOT_FOUND.message);
  });
  app.use(tcapiFinish());
  return app;
}
