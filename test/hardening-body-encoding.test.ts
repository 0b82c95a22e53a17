import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

const NOT_DECOMPRESSED = 'The request body could not be decompressed.';

// zlib's own wording, which must not reach the client.
const ZLIB_WORDING = new RegExp(
  [
    'incorrect header check',
    'unexpected end',
    'invalid (block|stored|distance|code)',
    'zlib',
    'Z_[A-Z_]{3,}',
    'inflate',
    'gunzip',
  ].join('|'),
  'i',
);

describe.each(EXPRESS_VERSIONS)('%s', (name, express) => {
  const jsonApp = (options?: TcapiOptions) =>
    tcapiApp(
      express,
      (a) => {
        a.use(express.json());
        a.use(express.urlencoded({ extended: false }));
        a.post('/', (req, res) => res.json({ Got: req.body }));
      },
      options,
    );

  const post = (
    encoding: string,
    body: string | Buffer,
    options?: TcapiOptions,
    type = 'application/json',
  ) =>
    request(jsonApp(options))
      .post('/')
      .set('Content-Type', type)
      .set('Content-Encoding', encoding)
      // As bytes: supertest would otherwise write a Buffer out as JSON.
      .serialize((bytes: unknown) => bytes as string)
      .send(body);

  describe('a body whose Content-Encoding does not match its bytes', () => {
    describe.each([
      ['gzip', '{"a":1}'],
      ['deflate', '{"a":1}'],
      ['gzip', 'not compressed at all, just text'],
    ])('when it says %s but the bytes are %j', (encoding, body) => {
      it('should answer InvalidParameter with a fixed message', async () => {
        const res = await post(encoding, body);
        expectError(res, 'InvalidParameter', 200, NOT_DECOMPRESSED);
        expect(res.text).not.toMatch(ZLIB_WORDING);
      });

      it('should answer 400 in semantic mode', async () => {
        const res = await post(encoding, body, { httpStatus: 'semantic' });
        expectError(res, 'InvalidParameter', 400, NOT_DECOMPRESSED);
        expect(res.text).not.toMatch(ZLIB_WORDING);
      });
    });

    describe('when a gzip body is cut short', () => {
      it('should answer InvalidParameter with the same fixed message', async () => {
        const whole = gzipSync(
          Buffer.from(JSON.stringify({ a: 'x'.repeat(200) })),
        );
        const res = await post('gzip', whole.subarray(0, 20));
        expectError(res, 'InvalidParameter', 200, NOT_DECOMPRESSED);
        expect(res.text).not.toMatch(ZLIB_WORDING);
      });
    });

    describe('when the body is a form that says gzip', () => {
      it('should answer InvalidParameter with the same fixed message', async () => {
        const res = await post(
          'gzip',
          'a=1&b=2',
          undefined,
          'application/x-www-form-urlencoded',
        );
        expectError(res, 'InvalidParameter', 200, NOT_DECOMPRESSED);
        expect(res.text).not.toMatch(ZLIB_WORDING);
      });
    });

    describe('when the caller asks for Chinese', () => {
      it('should still not show the zlib message', async () => {
        const res = await request(jsonApp())
          .post('/')
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          .set('X-TC-Language', 'zh-CN')
          .send('{"a":1}');
        expectError(res, 'InvalidParameter', 200);
        expect(res.text).not.toMatch(ZLIB_WORDING);
      });
    });
  });

  // body-parser 2 (Express 5) decodes br, body-parser 1 (Express 4) does not;
  // either way the message is a fixed one, not the decoder's.
  describe('a body that says br but is not brotli', () => {
    const expected =
      name === 'Express 5'
        ? NOT_DECOMPRESSED
        : 'The request body uses an unsupported content encoding.';

    it('should answer InvalidParameter with a fixed message', async () => {
      const res = await post('br', '{"a":1}');
      expectError(res, 'InvalidParameter', 200, expected);
      expect(res.text).not.toMatch(/Decompression failed|ERR__|PADDING/i);
    });
  });

  describe('a body that really is gzip', () => {
    describe('when it is valid JSON', () => {
      it('should be parsed and answered as the success envelope', async () => {
        const res = await post('gzip', gzipSync(Buffer.from('{"a":1}')));
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Got: { a: 1 }, RequestId: rid },
        });
      });
    });
  });
});
