import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express, RequestHandler } from 'express';
import createError from 'http-errors';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiError, type TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

interface Raw {
  status: number | undefined;
  headers: http.IncomingHttpHeaders;
  bytes: Buffer;
}

/** One GET on a real server, the body as the bytes on the wire. */
async function rawGet(app: Express, path = '/'): Promise<Raw> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<Raw>((resolve, reject) => {
      http
        .get(
          {
            host: '127.0.0.1',
            port,
            path,
            headers: { 'Accept-Encoding': 'gzip' },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({
                status: res.statusCode,
                headers: res.headers,
                bytes: Buffer.concat(chunks),
              }),
            );
            res.on('error', reject);
          },
        )
        .on('error', reject);
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

// What a handler may have set for the result it meant to send.
const REPRESENTATION: ReadonlyArray<readonly [string, string]> = [
  ['Content-Encoding', 'gzip'],
  ['Content-Language', 'de'],
  ['Content-Range', 'bytes 0-9/100'],
  ['Content-Disposition', 'attachment; filename="report.csv"'],
  ['ETag', '"v1"'],
  ['Last-Modified', 'Wed, 21 Oct 2015 07:28:00 GMT'],
  ['Cache-Control', 'public, max-age=31536000'],
  ['Expires', 'Thu, 01 Dec 2044 16:00:00 GMT'],
  ['Location', '/elsewhere'],
];

const setAll: RequestHandler = (_req, res, next) => {
  for (const [name, value] of REPRESENTATION) res.setHeader(name, value);
  next();
};

const gone: RequestHandler = (_req, _res, next) =>
  next(new ApiError('ResourceNotFound', 'gone'));

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const app = (options?: TcapiOptions) =>
    tcapiApp(
      express,
      (a) => {
        a.get('/handler', (req, res, next) =>
          setAll(req, res, () => gone(req, res, next)),
        );
        a.get('/middleware', setAll, gone);
        a.get('/ok', setAll, (_req, res) => {
          res.removeHeader('Content-Encoding');
          res.json({ A: 1 });
        });
      },
      options,
    );

  describe('headers set before a failure', () => {
    describe.each(REPRESENTATION)(
      'when a handler set %s and then failed',
      (header) => {
        it('should not send it with the error envelope', async () => {
          const res = await request(app()).get('/handler');
          expectError(res, 'ResourceNotFound', 200, 'gone');
          expect(res.headers[header.toLowerCase()]).toBeUndefined();
        });
      },
    );

    describe.each(REPRESENTATION)(
      'when an earlier middleware set %s',
      (header) => {
        it('should not send it with the error envelope in semantic mode', async () => {
          const res = await request(app({ httpStatus: 'semantic' })).get(
            '/middleware',
          );
          expectError(res, 'ResourceNotFound', 404, 'gone');
          expect(res.headers[header.toLowerCase()]).toBeUndefined();
        });
      },
    );

    describe('when the bytes of the answer are read as an SDK reads them', () => {
      it('should be plain JSON with the request id of the header', async () => {
        const raw = await rawGet(app(), '/handler');
        expect(raw.status).toBe(200);
        expect(raw.headers['content-type']).toBe('application/json');
        expect(raw.headers['content-encoding']).toBeUndefined();
        const body = JSON.parse(raw.bytes.toString('utf8'));
        expect(body.Response.Error).toEqual({
          Code: 'ResourceNotFound',
          Message: 'gone',
        });
        expect(body.Response.RequestId).toMatch(UUID_V4);
        expect(body.Response.RequestId).toBe(raw.headers['x-tc-requestid']);
      });
    });

    describe('when the handler succeeds instead', () => {
      it('should keep the caching headers it set', async () => {
        const res = await request(app()).get('/ok');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.body.Response).toEqual({
          A: 1,
          RequestId: res.headers['x-tc-requestid'],
        });
        expect(res.headers['cache-control']).toBe('public, max-age=31536000');
        expect(res.headers.etag).toBe('"v1"');
      });
    });
  });

  describe('headers carried by an error', () => {
    const failWith = (error: () => unknown, options?: TcapiOptions) =>
      tcapiApp(
        express,
        (a) => a.get('/', (_req, _res, next) => next(error())),
        options,
      );
    const slowDown = (headers: Record<string, string>) => () =>
      createError(429, 'slow down', {
        headers: { 'Retry-After': '7', ...headers },
      });

    describe.each([
      ['X-TC-TraceId', 'spoofed-trace'],
      ['Location', 'https://evil.example/'],
      ['Set-Cookie', 'sid=attacker; Path=/'],
    ])('when an http-errors error asks for %s', (header, value) => {
      it('should not send it, and keep Retry-After', async () => {
        const res = await request(failWith(slowDown({ [header]: value }))).get(
          '/',
        );
        expectError(res, 'RequestLimitExceeded', 200, 'slow down');
        expect(res.headers[header.toLowerCase()]).toBeUndefined();
        expect(res.headers['retry-after']).toBe('7');
      });
    });

    describe('when it asks for X-TC-TraceId and the caller sent a safe one', () => {
      it("should keep the caller's trace id", async () => {
        const res = await request(
          failWith(slowDown({ 'X-TC-TraceId': 'spoofed-trace' })),
        )
          .get('/')
          .set('X-TC-TraceId', 'trace-1');
        expectError(res, 'RequestLimitExceeded', 200);
        expect(res.headers['x-tc-traceid']).toBe('trace-1');
      });
    });

    describe('when it asks for Content-Type', () => {
      it('should keep application/json exactly', async () => {
        const res = await request(
          failWith(slowDown({ 'Content-Type': 'text/html' })),
        ).get('/');
        expectError(res, 'RequestLimitExceeded', 200);
        expect(res.headers['retry-after']).toBe('7');
      });
    });

    describe('when it asks for X-TC-RequestId', () => {
      it('should keep the id of the body in the header', async () => {
        const res = await request(
          failWith(slowDown({ 'X-TC-RequestId': 'spoofed-id' })),
        ).get('/');
        expectError(res, 'RequestLimitExceeded', 200);
        expect(res.headers['x-tc-requestid']).not.toBe('spoofed-id');
      });
    });

    describe.each([
      ['a CR LF pair', 'a\r\nSet-Cookie: sid=attacker'],
      ['a bare LF', 'a\nX-Injected: 1'],
      ['a NUL', 'a\u0000b'],
    ])('when a header value has %s', (_kind, value) => {
      it('should drop that header and still answer the envelope', async () => {
        const res = await request(failWith(slowDown({ 'X-Note': value }))).get(
          '/',
        );
        expectError(res, 'RequestLimitExceeded', 200, 'slow down');
        expect(res.headers['x-note']).toBeUndefined();
        expect(res.headers['x-injected']).toBeUndefined();
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(res.headers['retry-after']).toBe('7');
      });
    });

    describe('when an ApiError is given Location and Retry-After', () => {
      it('should send Retry-After alone, with 429 in semantic mode', async () => {
        const error = () =>
          new ApiError('RequestLimitExceeded', undefined, {
            headers: { Location: '/x', 'Set-Cookie': 'a=b', 'Retry-After': 3 },
          });
        const res = await request(
          failWith(error, { httpStatus: 'semantic' }),
        ).get('/');
        expectError(res, 'RequestLimitExceeded', 429);
        expect(res.headers.location).toBeUndefined();
        expect(res.headers['set-cookie']).toBeUndefined();
        expect(res.headers['retry-after']).toBe('3');
      });
    });
  });
});
