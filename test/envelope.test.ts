import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { tcapi } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('res.json()', () => {
    describe('when given an object', () => {
      it('should wrap it in exactly one Response level', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => res.json({ InstanceSet: [] }));
        });
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(
          `{"Response":{"InstanceSet":[],"RequestId":"${rid}"}}`,
        );
      });

      it('should replace a RequestId of the result with its own', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) =>
            res.json({ RequestId: 'forged', TotalCount: 1 }),
          );
        });
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { TotalCount: 1, RequestId: rid },
        });
      });
    });

    describe('when the middleware is mounted twice', () => {
      it('should wrap once, with the id of the first one', async () => {
        const app = express();
        app.use(tcapi());
        app.use(tcapi({ dataKey: 'Items' }));
        app.post('/', (_req, res) => res.json([1]));
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Data: [1], RequestId: rid } });
      });
    });

    describe('when given an array', () => {
      it('should put it under Data', async () => {
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.json([1, 2])),
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Data: [1, 2], RequestId: rid },
        });
      });

      it('should put it under the configured dataKey', async () => {
        const app = tcapiApp(
          express,
          (a) => a.post('/', (_req, res) => res.json([1, 2])),
          { dataKey: 'InstanceSet' },
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { InstanceSet: [1, 2], RequestId: rid },
        });
      });
    });

    describe.each([
      ['a string', 'ok'],
      ['a number', 42],
      ['a boolean', false],
    ])('when given %s', (_kind, value) => {
      it('should put it under Data', async () => {
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.json(value)),
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Data: value, RequestId: rid } });
      });
    });

    describe('when given an envelope that has a RequestId', () => {
      it('should pass it through untouched', async () => {
        const upstream = { Response: { TotalCount: 0, RequestId: 'up-1' } };
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.json(upstream)),
        );
        const res = await request(app).post('/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.text).toBe(
          '{"Response":{"TotalCount":0,"RequestId":"up-1"}}',
        );
      });
    });

    describe('when given an envelope without a RequestId', () => {
      it('should add its own', async () => {
        const upstream = { Response: { TotalCount: 0 } };
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.json(upstream)),
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { TotalCount: 0, RequestId: rid },
        });
      });
    });

    describe('when given a result with an Error field', () => {
      it('should answer InternalError, as the SDKs would read a failure', async () => {
        const result = { Error: { Code: 'x' }, TotalCount: 1 };
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.json(result)),
        );
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
      });
    });

    describe('when given null', () => {
      it('should answer an envelope with the RequestId alone', async () => {
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.json(null)),
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(`{"Response":{"RequestId":"${rid}"}}`);
      });
    });
  });

  describe('res.send()', () => {
    describe('when given an object', () => {
      it('should wrap it in exactly one Response level', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => res.send({ InstanceSet: [] }));
        });
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(
          `{"Response":{"InstanceSet":[],"RequestId":"${rid}"}}`,
        );
      });
    });

    describe('when given nothing', () => {
      it('should answer an envelope with the RequestId alone', async () => {
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.send()),
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(`{"Response":{"RequestId":"${rid}"}}`);
      });
    });

    describe('when given a string', () => {
      // Documented escape hatch: text that is not an API result stays raw.
      it('should send it raw, as Express does', async () => {
        const app = tcapiApp(express, (a) =>
          a.get('/', (_req, res) => res.send('hello')),
        );
        const res = await request(app).get('/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.text).toBe('hello');
        expect(res.headers['x-tc-requestid']).toBeTypeOf('string');
      });
    });
  });

  describe('res.end()', () => {
    describe('when given JSON text', () => {
      it('should send it raw, not wrapped', async () => {
        const app = tcapiApp(express, (a) => {
          a.get('/', (_req, res) => {
            res.setHeader('Content-Type', 'application/json');
            res.end('{"a":1}');
          });
        });
        const res = await request(app).get('/');
        expect(res.status).toBe(200);
        expect(res.text).toBe('{"a":1}');
        expect(res.headers['x-tc-requestid']).toBeTypeOf('string');
      });
    });
  });

  describe('res.sendStatus()', () => {
    describe('when given 201', () => {
      it('should answer an empty envelope on 200 in compatible mode', async () => {
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.sendStatus(201)),
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res, 200);
        expect(res.body).toEqual({ Response: { RequestId: rid } });
      });

      it('should answer an empty envelope on 201 in semantic mode', async () => {
        const app = tcapiApp(
          express,
          (a) => a.post('/', (_req, res) => res.sendStatus(201)),
          { httpStatus: 'semantic' },
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res, 201);
        expect(res.body).toEqual({ Response: { RequestId: rid } });
      });
    });

    describe('when given 404', () => {
      it('should answer the ResourceNotFound error envelope', async () => {
        const app = tcapiApp(express, (a) =>
          a.post('/', (_req, res) => res.sendStatus(404)),
        );
        const res = await request(app).post('/');
        expectError(res, 'ResourceNotFound', 200);
      });
    });
  });
});
