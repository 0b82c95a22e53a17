import { randomUUID } from 'node:crypto';
import express, { type Express, type Response } from 'express';
import { DESCRIBE_INSTANCES_RESULT, INSTANCE_NOT_FOUND } from './fixtures.js';
import { ERROR, SUCCESS } from './scenarios.js';

/** The baseline: bare Express, each route writing the envelope itself. */
export function createHandWrittenApp(): Express {
  const app = express();
  app.get(SUCCESS.path, (_req, res) => {
    sendEnvelope(res, DESCRIBE_INSTANCES_RESULT);
  });
  app.get(ERROR.path, (_req, res) => {
    sendEnvelope(res, {
      Error: {
        Code: INSTANCE_NOT_FOUND.code,
        Message: INSTANCE_NOT_FOUND.message,
      },
    });
  });
  return app;
}

function sendEnvelope(res: Response, data: object): void {
  const requestId = randomUUID();
  res.status(200);
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('X-TC-RequestId', requestId);
  res.end(JSON.stringify({ Response: { ...data, RequestId: requestId } }));
}
