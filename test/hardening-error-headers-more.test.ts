import type { RequestHandler } from 'express';
import createError from 'http-errors';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiError, type TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

// More of the headers a handler may set for the result it meant to send,
// which would lie about, break or redirect away from an error envelope.
const APP_SET: ReadonlyArray<readonly [string, string]> = [
  ['Transfer-Encoding', 'chunked'],
  ['Content-MD5', 'Q2hlY2sgSW50ZWdyaXR5IQ=='],
  ['Digest', 'sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE='],
  ['Content-Digest', 'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:'],
  ['Content-Location', '/reports/1.csv'],
  ['Refresh', '0; url=https://elsewhere.example/'],
];

// Headers an error's `headers` may not bring back on the envelope: the
// ones the envelope writer removes from the app's own headers, and
// redirects other than Location.
const ERROR_SET: ReadonlyArray<readonly [string, string]> = [
  ['Refresh', '0; url=https://evil.example/'],
  ['Content-Disposition', 'attachment; filename="x.html"'],
  ['Content-Language', 'de'],
  ['Content-Location', '/elsewhere'],
  ['ETag', '"e1"'],
  ['Last-Modified', 'Wed, 21 Oct 2015 07:28:00 GMT'],
];

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('headers set before a failure (more of them)', () => {
    const setThenFail =
      (name: string, value: string): RequestHandler =>
      (_req, res, next) => {
        res.setHeader(name, value);
        next(new ApiError('ResourceNotFound', 'gone'));
      };

    describe.each(APP_SET)(
      'when a handler set %s and then failed',
      (name, value) => {
        it('should send a readable error envelope without it', async () => {
          const app = tcapiApp(express, (a) =>
            a.get('/', setThenFail(name, value)),
          );
          const res = await request(app).get('/');
          expectError(res, 'ResourceNotFound', 200, 'gone');
          expect(res.headers[name.toLowerCase()]).toBeUndefined();
        });

        it('should do the same in semantic mode', async () => {
          const app = tcapiApp(
            express,
            (a) => a.get('/', setThenFail(name, value)),
            {
              httpStatus: 'semantic',
            },
          );
          const res = await request(app).get('/');
          expectError(res, 'ResourceNotFound', 404, 'gone');
          expect(res.headers[name.toLowerCase()]).toBeUndefined();
        });
      },
    );

    describe('when a handler set Transfer-Encoding and then sent a result', () => {
      it('should send a readable success envelope', async () => {
        const app = tcapiApp(express, (a) =>
          a.get('/', (_req, res) => {
            res.setHeader('Transfer-Encoding', 'chunked');
            res.json({ A: 1 });
          }),
        );
        const res = await request(app).get('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { A: 1, RequestId: rid } });
      });
    });
  });

  describe('headers carried by an error (more of them)', () => {
    const failWith = (
      headers: Record<string, string>,
      options?: TcapiOptions,
    ) =>
      tcapiApp(
        express,
        (a) =>
          a.get('/', (_req, _res, next) =>
            next(
              createError(429, 'slow down', {
                headers: { 'Retry-After': '7', ...headers },
              }),
            ),
          ),
        options,
      );

    describe.each(ERROR_SET)(
      'when an http-errors error asks for %s',
      (name, value) => {
        it('should not send it, and keep Retry-After', async () => {
          const res = await request(failWith({ [name]: value })).get('/');
          expectError(res, 'RequestLimitExceeded', 200, 'slow down');
          expect(res.headers[name.toLowerCase()]).toBeUndefined();
          expect(res.headers['retry-after']).toBe('7');
        });
      },
    );

    describe('when it asks for WWW-Authenticate on a 401', () => {
      it('should keep it', async () => {
        const app = tcapiApp(
          express,
          (a) =>
            a.get('/', (_req, _res, next) =>
              next(
                createError(401, 'who?', {
                  headers: { 'WWW-Authenticate': 'TC3-HMAC-SHA256' },
                }),
              ),
            ),
          { httpStatus: 'semantic' },
        );
        const res = await request(app).get('/');
        expectError(res, 'AuthFailure', 401, 'who?');
        expect(res.headers['www-authenticate']).toBe('TC3-HMAC-SHA256');
      });
    });
  });
});
