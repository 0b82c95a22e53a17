import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { signedApp } from './helpers/protocol-app.js';
import { tc3Post } from './helpers/protocol-requests.js';

// What a POST body may be: its media type, charset, encoding and bytes.

const UNSUPPORTED_TYPE = 'The request `Content-Type` is not supported.';

function bodyApp(express: ExpressFactory, httpStatus?: 'semantic') {
  const handler = vi.fn((params: unknown) => ({ Params: params }));
  const schema = { type: 'object', properties: { Limit: { type: 'integer' } } };
  const app = signedApp(
    express,
    { DescribeInstances: { params: schema, handler }, Echo: handler },
    {},
    httpStatus ? { httpStatus } : {},
  );
  return { app, handler };
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter()', () => {
    describe('when a TC3 POST says application/json; charset=utf-8', () => {
      it('should verify it and run the action', async () => {
        const { app } = bodyApp(express);
        const contentType = 'application/json; charset=utf-8';
        const res = await tc3Post(app, '{"Limit":3}', { contentType });
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Params: { Limit: 3 }, RequestId: rid },
        });
      });
    });

    describe('when the charset is latin1', () => {
      it('should answer InvalidParameter', async () => {
        const { app, handler } = bodyApp(express);
        const contentType = 'application/json; charset=latin1';
        const res = await tc3Post(app, '{}', { contentType });
        expectError(res, 'InvalidParameter', 200, UNSUPPORTED_TYPE);
        expect(handler).not.toHaveBeenCalled();
      });

      it('should answer 415 in semantic mode', async () => {
        const { app } = bodyApp(express, 'semantic');
        const contentType = 'application/json; charset=latin1';
        const res = await tc3Post(app, '{}', { contentType });
        expectError(res, 'InvalidParameter', 415);
      });
    });

    describe('when the body is multipart/form-data', () => {
      it('should answer InvalidParameter for the content type', async () => {
        const { app } = bodyApp(express);
        const body =
          '--b\r\nContent-Disposition: form-data; name="Limit"\r\n\r\n1\r\n--b--\r\n';
        const contentType = 'multipart/form-data; boundary=b';
        const res = await tc3Post(app, body, { contentType });
        expectError(res, 'InvalidParameter', 200, UNSUPPORTED_TYPE);
      });
    });

    describe('when the body is gzip-encoded', () => {
      it('should answer InvalidParameter, 415 in semantic mode', async () => {
        const { app, handler } = bodyApp(express, 'semantic');
        const body = gzipSync('{"Limit":1}');
        const res = await tc3Post(app, body, {
          headers: { 'Content-Encoding': 'gzip' },
        });
        expectError(
          res,
          'InvalidParameter',
          415,
          'The request body uses an unsupported content encoding.',
        );
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when the body is not valid JSON', () => {
      it('should answer InvalidParameter saying so', async () => {
        const { app } = bodyApp(express);
        const res = await tc3Post(app, '{"Limit":');
        expectError(
          res,
          'InvalidParameter',
          200,
          'The request body is not valid JSON.',
        );
      });
    });

    describe.each([
      ['[]'],
      ['[{"Limit":1}]'],
      ['"text"'],
      ['42'],
      ['true'],
      ['null'],
    ])('when the JSON body is %s', (body) => {
      it('should answer InvalidParameter: must be a JSON object', async () => {
        const { app } = bodyApp(express);
        const res = await tc3Post(app, body);
        expectError(
          res,
          'InvalidParameter',
          200,
          'The request body must be a JSON object.',
        );
      });
    });

    describe('when a JSON body is not valid UTF-8', () => {
      const body = Buffer.concat([
        Buffer.from('{"Name":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}'),
      ]);

      it('should answer InvalidParameter', async () => {
        const { app, handler } = bodyApp(express);
        const res = await tc3Post(app, body, { action: 'Echo' });
        expectError(res, 'InvalidParameter', 200);
        expect(handler).not.toHaveBeenCalled();
      });

      it('should say the body is not UTF-8', async () => {
        const { app } = bodyApp(express);
        const res = await tc3Post(app, body, { action: 'Echo' });
        expectError(
          res,
          'InvalidParameter',
          200,
          'The request is not valid UTF-8.',
        );
      });
    });

    describe('when a v1 form body is not valid UTF-8', () => {
      it('should answer InvalidParameter', async () => {
        const { app } = bodyApp(express);
        const form = Buffer.concat([
          Buffer.from('Action=Echo&Name='),
          Buffer.from([0xc3, 0x28]),
        ]);
        const res = await request(app)
          .post('/')
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .serialize((bytes: unknown) => bytes as string)
          .send(form);
        expectError(
          res,
          'InvalidParameter',
          200,
          'The request is not valid UTF-8.',
        );
      });
    });

    describe('when a signed POST has no body and no Content-Type', () => {
      it('should run the action with no parameters', async () => {
        const { app, handler } = bodyApp(express);
        const res = await tc3Post(app, '', {
          contentType: null,
          action: 'Echo',
        });
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Params: {}, RequestId: rid } });
        expect(handler).toHaveBeenCalledTimes(1);
      });
    });

    describe.each([
      ['__proto__', '{"__proto__":{"polluted":"yes"}}'],
      ['constructor', '{"constructor":{"prototype":{"polluted":"yes"}}}'],
    ])('when a JSON body has a %s key', (key, body) => {
      it('should answer UnknownParameter with a schema', async () => {
        const { app, handler } = bodyApp(express);
        const res = await tc3Post(app, body);
        expectError(
          res,
          'UnknownParameter',
          200,
          `The parameter \`${key}\` is not recognized.`,
        );
        expect(handler).not.toHaveBeenCalled();
      });

      it('should pollute no prototype', async () => {
        const { app } = bodyApp(express);
        await tc3Post(app, body);
        await tc3Post(app, body, { action: 'Echo' });
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      });

      it('should give a handler without a schema the key as plain data', async () => {
        const { app, handler } = bodyApp(express);
        expectEnvelope(await tc3Post(app, body, { action: 'Echo' }));
        const params = handler.mock.calls[0]?.[0] as object;
        expect(Object.keys(params)).toEqual([key]);
        expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
      });
    });
  });
});
