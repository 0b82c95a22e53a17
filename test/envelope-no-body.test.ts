import request from 'supertest';
import { describe, expect, it } from 'vitest';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectEnvelope,
  tcapiApp,
} from './helpers/express-versions.js';

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('a HEAD request', () => {
    describe('when the GET route answers with res.json()', () => {
      it('should get the GET headers, request id included, and no body', async () => {
        const app = tcapiApp(express, (a) => {
          a.get('/', (_req, res) => res.json({ TotalCount: 0 }));
        });
        const get = await request(app).get('/');
        const head = await request(app).head('/');
        expect(head.status).toBe(200);
        expect(head.headers['content-type']).toBe('application/json');
        expect(head.headers['content-length']).toBe(
          get.headers['content-length'],
        );
        expect(head.headers['x-tc-requestid']).toMatch(UUID_V4);
        expect(head.headers['x-tc-requestid']).not.toBe(
          get.headers['x-tc-requestid'],
        );
        expect(head.text ?? '').toBe('');
      });
    });
  });

  describe('res.status(204).end()', () => {
    describe('when noContent is left at keep', () => {
      it('should stay a bodiless 204', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/disk', (_req, res) => res.status(204).end());
        });
        const res = await request(app).post('/disk');
        expect(res.status).toBe(204);
        expect(res.headers['content-type']).toBeUndefined();
        expect(res.text ?? '').toBe('');
        expect(res.headers['x-tc-requestid']).toMatch(UUID_V4);
      });
    });

    describe('when noContent is envelope', () => {
      it('should become an empty envelope on 200', async () => {
        const app = tcapiApp(
          express,
          (a) => a.post('/', (_req, res) => res.status(204).end()),
          { noContent: 'envelope' },
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res, 200);
        expect(res.text).toBe(`{"Response":{"RequestId":"${rid}"}}`);
      });

      it('should stay a bodiless 204 in semantic mode', async () => {
        const app = tcapiApp(
          express,
          (a) => a.post('/', (_req, res) => res.status(204).end()),
          { noContent: 'envelope', httpStatus: 'semantic' },
        );
        const res = await request(app).post('/');
        expect(res.status).toBe(204);
        expect(res.text ?? '').toBe('');
      });
    });
  });

  describe('res.status(204).json()', () => {
    describe('when noContent is left at keep', () => {
      it('should send no body and no Content-Type', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => res.status(204).json({ TotalCount: 1 }));
        });
        const res = await request(app).post('/');
        expect(res.status).toBe(204);
        expect(res.headers['content-type']).toBeUndefined();
        expect(res.text ?? '').toBe('');
      });
    });

    describe('when noContent is envelope', () => {
      it('should send the result as the envelope on 200', async () => {
        const app = tcapiApp(
          express,
          (a) =>
            a.post('/', (_req, res) => res.status(204).json({ TotalCount: 1 })),
          { noContent: 'envelope' },
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res, 200);
        expect(res.body).toEqual({
          Response: { TotalCount: 1, RequestId: rid },
        });
      });
    });
  });

  describe('a conditional GET', () => {
    const routes = (a: ReturnType<typeof express>) => {
      a.get('/', (req, res) => {
        res.setHeader('ETag', '"v1"');
        if (req.fresh) return res.status(304).end();
        return res.json({ Version: 1 });
      });
    };

    describe('when the route answers 304 itself', () => {
      it('should leave the 304 untouched', async () => {
        const app = tcapiApp(express, routes, { noContent: 'envelope' });
        const res = await request(app).get('/').set('If-None-Match', '"v1"');
        expect(res.status).toBe(304);
        expect(res.headers.etag).toBe('"v1"');
        expect(res.headers['content-type']).toBeUndefined();
        expect(res.text ?? '').toBe('');
      });
    });

    describe('when the route sends a result on 304', () => {
      it('should send no body', async () => {
        const app = tcapiApp(express, (a) => {
          a.get('/', (_req, res) => res.status(304).json({ Version: 1 }));
        });
        const res = await request(app).get('/');
        expect(res.status).toBe(304);
        expect(res.headers['content-type']).toBeUndefined();
        expect(res.text ?? '').toBe('');
      });
    });

    describe('when the ETag does not match', () => {
      it('should send the envelope', async () => {
        const app = tcapiApp(express, routes);
        const res = await request(app).get('/').set('If-None-Match', '"v0"');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Version: 1, RequestId: rid } });
      });
    });
  });
});
