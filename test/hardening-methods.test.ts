import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { tcapi, tcapiFinish, type TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  type ExpressFactory,
  expectEnvelope,
  expectError,
} from './helpers/express-versions.js';

/** `/api` as a router with `GET /x`, plus an app-level `PUT /thing`. */
function routedApp(
  express: ExpressFactory,
  tcapiOptions?: TcapiOptions,
  finishOptions?: TcapiOptions,
): Express {
  const app = express();
  app.use(tcapi(tcapiOptions));
  const api = express.Router();
  api.get('/x', (_req, res) => res.json({ Found: true }));
  app.use('/api', api);
  app.put('/thing', (_req, res) => res.json({ Put: true }));
  app.use(tcapiFinish(finishOptions ?? tcapiOptions));
  return app;
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('restrictMethods: true (the default)', () => {
    describe('when OPTIONS reaches a path an express.Router() has a GET route for', () => {
      it("should answer UnsupportedProtocol, not Express's own text answer", async () => {
        const res = await request(routedApp(express)).options('/api/x');
        expectError(res, 'UnsupportedProtocol', 200);
        expect(res.text).not.toMatch(/^GET/);
      });

      it('should answer 405 with Allow: GET, POST in semantic mode', async () => {
        const res = await request(
          routedApp(express, { httpStatus: 'semantic' }),
        ).options('/api/x');
        expectError(res, 'UnsupportedProtocol', 405);
        expect(res.headers.allow).toBe('GET, POST');
      });
    });

    describe.each([['PUT'], ['DELETE'], ['PATCH']])(
      'when %s reaches that path',
      (method) => {
        it('should answer UnsupportedProtocol', async () => {
          const res = await request(routedApp(express))[
            method.toLowerCase() as 'put' | 'delete' | 'patch'
          ]('/api/x');
          expectError(res, 'UnsupportedProtocol', 200);
        });
      },
    );

    describe('when PUT reaches a path the app has its own app.put route for', () => {
      it('should answer UnsupportedProtocol without running the route', async () => {
        const res = await request(routedApp(express)).put('/thing');
        expectError(res, 'UnsupportedProtocol', 200);
      });
    });

    describe('when GET and HEAD reach the router route', () => {
      it('should answer GET with the success envelope', async () => {
        const res = await request(routedApp(express)).get('/api/x');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Found: true, RequestId: rid } });
      });

      it('should answer HEAD with the headers alone', async () => {
        const res = await request(routedApp(express)).head('/api/x');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.headers['x-tc-requestid']).toBeTruthy();
        expect(res.text ?? '').toBe('');
      });
    });

    describe('when tcapi() has defaults and tcapiFinish() is semantic', () => {
      it('should answer OPTIONS with 405 and Allow', async () => {
        const app = routedApp(express, undefined, { httpStatus: 'semantic' });
        const res = await request(app).options('/api/x');
        expectError(res, 'UnsupportedProtocol', 405);
        expect(res.headers.allow).toBe('GET, POST');
      });

      it('should answer PUT on a path the app routes with 405 and Allow', async () => {
        const app = routedApp(express, undefined, { httpStatus: 'semantic' });
        const res = await request(app).put('/thing');
        expectError(res, 'UnsupportedProtocol', 405);
        expect(res.headers.allow).toBe('GET, POST');
      });
    });
  });

  describe('restrictMethods: false', () => {
    const open: TcapiOptions = { restrictMethods: false };

    describe("when PUT reaches the app's own app.put route", () => {
      it('should run the route', async () => {
        const res = await request(routedApp(express, open)).put('/thing');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Put: true, RequestId: rid } });
      });
    });

    describe('when PUT reaches a path with no PUT route', () => {
      it('should answer InvalidAction', async () => {
        const res = await request(routedApp(express, open)).put('/api/x');
        expectError(res, 'InvalidAction', 200);
      });
    });
  });
});
