import type { Express, Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectEnvelope,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const answering = (
    respond: (res: Response) => void,
    options?: TcapiOptions,
  ): Express =>
    tcapiApp(
      express,
      (a) => {
        a.post('/', (_req, res) => respond(res));
        a.get('/', (_req, res) => respond(res));
      },
      options,
    );

  describe('an envelope passed through', () => {
    describe('when it carries its own safe RequestId', () => {
      const upstream = { Response: { A: 1, RequestId: 'up-1' } };

      it('should send that id in the X-TC-RequestId header too', async () => {
        const res = await request(answering((r) => r.json(upstream))).post('/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.headers['x-tc-requestid']).toBe('up-1');
        expect(res.body).toEqual(upstream);
      });

      it('should do the same through res.send(object) in semantic mode', async () => {
        const app = answering((r) => r.send(upstream), {
          httpStatus: 'semantic',
        });
        const res = await request(app).post('/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.headers['x-tc-requestid']).toBe('up-1');
        expect(res.body.Response.RequestId).toBe('up-1');
      });

      it('should pass an upstream error envelope through with its id in the header', async () => {
        const error = {
          Response: {
            Error: { Code: 'ResourceNotFound', Message: 'up' },
            RequestId: 'up-2',
          },
        };
        const res = await request(answering((r) => r.json(error))).post('/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.headers['x-tc-requestid']).toBe('up-2');
        expect(res.body).toEqual(error);
      });
    });

    describe.each([
      ['has spaces', 'bad id with spaces'],
      ['is 200 characters long', 'a'.repeat(200)],
      ['has a CR LF', 'up-1\r\nSet-Cookie: x=1'],
      ['is empty', ''],
      ['starts with a dot', '.hidden'],
      ['is a number', 42],
      ['is an object', { id: 'up-1' }],
    ])('when its RequestId %s', (_kind, unsafe) => {
      it('should get our id in both the body and the header', async () => {
        const res = await request(
          answering((r) => r.json({ Response: { A: 1, RequestId: unsafe } })),
        ).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { A: 1, RequestId: rid } });
        expect(res.text).not.toContain('Set-Cookie');
      });
    });

    describe('when a key beside Response is undefined', () => {
      it('should pass it through as the envelope JSON would show it', async () => {
        const upstream = {
          Response: { A: 1, RequestId: 'up-1' },
          Extra: undefined,
        };
        const res = await request(answering((r) => r.json(upstream))).post('/');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.headers['x-tc-requestid']).toBe('up-1');
        expect(res.text).toBe('{"Response":{"A":1,"RequestId":"up-1"}}');
      });
    });

    describe('when it has no RequestId', () => {
      it('should get ours', async () => {
        const res = await request(
          answering((r) => r.json({ Response: { A: 1 } })),
        ).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { A: 1, RequestId: rid } });
      });
    });
  });

  describe('a result that would nest or fake an envelope', () => {
    describe.each([
      ['Response is an array', { Response: [1, 2] }],
      ['Response is a string', { Response: 'x' }],
      ['Response is null', { Response: null }],
      ['Response sits beside another key', { Response: { A: 1 }, Other: 2 }],
      ['it has an Error field', { A: 1, Error: { Code: 'x' } }],
      ['it has an Error field that is null', { A: 1, Error: null }],
      ['it has a Response field among others', { A: 1, Response: { B: 2 } }],
    ])('when %s', (_kind, result) => {
      it('should answer InternalError without a nested Response', async () => {
        const res = await request(answering((r) => r.json(result))).post('/');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
        expect(res.text.match(/"Response"/g)).toHaveLength(1);
      });

      it('should answer 500 in semantic mode', async () => {
        const app = answering((r) => r.send(result), {
          httpStatus: 'semantic',
        });
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 500);
        expect(res.text.match(/"Response"/g)).toHaveLength(1);
      });
    });

    describe.each([
      ['Error', { A: 1, Error: undefined }],
      ['Response', { A: 1, Response: undefined }],
    ])('when its %s field is undefined', (_key, result) => {
      it('should answer the success envelope without it', async () => {
        const res = await request(answering((r) => r.json(result))).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(`{"Response":{"A":1,"RequestId":"${rid}"}}`);
      });
    });
  });

  describe('res.jsonp()', () => {
    describe('when given an object', () => {
      it('should answer the success envelope as application/json', async () => {
        const res = await request(answering((r) => r.jsonp({ A: 1 }))).get('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(`{"Response":{"A":1,"RequestId":"${rid}"}}`);
      });
    });

    describe('when the caller asks for a callback', () => {
      it('should still answer plain JSON, not script', async () => {
        const res = await request(answering((r) => r.jsonp({ A: 1 }))).get(
          '/?callback=steal',
        );
        const rid = expectEnvelope(res);
        expect(res.text).toBe(`{"Response":{"A":1,"RequestId":"${rid}"}}`);
        expect(res.text).not.toContain('steal');
      });
    });

    describe('when given an array', () => {
      it('should put it under Data', async () => {
        const res = await request(answering((r) => r.jsonp([1, 2]))).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Data: [1, 2], RequestId: rid },
        });
        expect(rid).toMatch(UUID_V4);
      });
    });

    describe('when the status is 404', () => {
      it('should answer ResourceNotFound', async () => {
        const res = await request(
          answering((r) => r.status(404).jsonp({ A: 1 })),
        ).post('/');
        expectError(res, 'ResourceNotFound', 200);
      });
    });
  });
});
