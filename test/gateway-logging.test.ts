import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, tcapi, tcapiFinish } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
} from './helpers/express-versions.js';
import { capturedLogger } from './helpers/gateway-logs.js';

describe.each(EXPRESS_VERSIONS)(
  'pino-http after tcapi() on %s',
  (_name, express) => {
    function loggedApp() {
      const { logger, lines } = capturedLogger();
      const app = express();
      // The two lines of the README: the logger after tcapi() reads req.id.
      app.use(tcapi());
      app.use(pinoHttp({ logger }));
      app.post('/ok', (_req, res) => {
        res.json({ TotalCount: 0 });
      });
      app.post('/fail', () => {
        throw new ApiError('ResourceNotFound', 'gone');
      });
      app.use(tcapiFinish());
      return { app, lines };
    }

    describe('when a request succeeds', () => {
      it('should log the id of the body and the X-TC-RequestId header', async () => {
        const { app, lines } = loggedApp();
        const res = await request(app).post('/ok');
        const id = expectEnvelope(res);
        await vi.waitFor(() => expect(lines).toHaveLength(1));
        expect(lines[0]?.req?.id).toBe(id);
        expect(lines[0]?.res?.headers?.['x-tc-requestid']).toBe(id);
      });
    });

    describe('when a request fails', () => {
      it('should log the id of the error envelope', async () => {
        const { app, lines } = loggedApp();
        const res = await request(app).post('/fail');
        expectError(res, 'ResourceNotFound');
        await vi.waitFor(() => expect(lines).toHaveLength(1));
        expect(lines[0]?.req?.id).toBe(res.body.Response.RequestId);
      });
    });

    describe('when no route matches', () => {
      it('should log the id of the InvalidAction envelope', async () => {
        const { app, lines } = loggedApp();
        const res = await request(app).post('/nowhere');
        expectError(res, 'InvalidAction');
        await vi.waitFor(() => expect(lines).toHaveLength(1));
        expect(lines[0]?.req?.id).toBe(res.headers['x-tc-requestid']);
      });
    });

    describe('when the client sends its own X-TC-RequestId', () => {
      it('should log the fresh id the client is given, not the one it sent', async () => {
        const { app, lines } = loggedApp();
        const res = await request(app)
          .post('/ok')
          .set('X-TC-RequestId', 'chosen-by-client');
        const id = expectEnvelope(res);
        await vi.waitFor(() => expect(lines).toHaveLength(1));
        expect(id).not.toBe('chosen-by-client');
        expect(lines[0]?.req?.id).toBe(id);
      });
    });
  },
);
