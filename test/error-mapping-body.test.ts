import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

const NOT_JSON = 'The request body is not valid JSON.';
const initialEnv = process.env.NODE_ENV;

afterEach(() => {
  if (initialEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = initialEnv;
});

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const jsonApp = (options?: TcapiOptions, limit = '1kb') =>
    tcapiApp(
      express,
      (a) => {
        a.use(express.json({ limit }));
        a.post('/', (req, res) => res.json({ Got: req.body }));
      },
      options,
    );

  describe('express.json()', () => {
    describe.each([['production'], ['development']])(
      'when the body is malformed JSON with NODE_ENV=%s',
      (env) => {
        it('should answer InvalidParameter saying the body is not valid JSON', async () => {
          process.env.NODE_ENV = env;
          const res = await request(jsonApp())
            .post('/')
            .set('Content-Type', 'application/json')
            .send('{"a":');
          expectError(res, 'InvalidParameter', 200, NOT_JSON);
          expect(res.text).not.toContain('{\\"a\\":');
          expect(res.text).not.toMatch(
            /<html|<pre|SyntaxError|node_modules|\n\s+at /i,
          );
        });
      },
    );

    describe('when the body is malformed JSON in semantic mode', () => {
      it('should answer 400', async () => {
        const res = await request(jsonApp({ httpStatus: 'semantic' }))
          .post('/')
          .set('Content-Type', 'application/json')
          .send('{"a":');
        expectError(res, 'InvalidParameter', 400, NOT_JSON);
      });
    });

    describe('when the body is over the limit', () => {
      const big = JSON.stringify({ Name: 'x'.repeat(64) });

      it('should answer RequestSizeLimitExceeded', async () => {
        const res = await request(jsonApp(undefined, '16b'))
          .post('/')
          .set('Content-Type', 'application/json')
          .send(big);
        expectError(
          res,
          'RequestSizeLimitExceeded',
          200,
          'The request body is too large.',
        );
      });

      it('should answer 413 in semantic mode', async () => {
        const res = await request(jsonApp({ httpStatus: 'semantic' }, '16b'))
          .post('/')
          .set('Content-Type', 'application/json')
          .send(big);
        expectError(res, 'RequestSizeLimitExceeded', 413);
      });
    });

    describe.each([
      [
        'an unknown charset',
        'Content-Type',
        'application/json; charset=klingon',
        'klingon',
      ],
      ['an unknown Content-Encoding', 'Content-Encoding', 'br2', 'br2'],
    ])('when the body has %s', (_kind, header, value, echo) => {
      const send = (options?: TcapiOptions) =>
        request(jsonApp(options))
          .post('/')
          .set('Content-Type', 'application/json')
          .set(header, value)
          .send('{"a":1}');

      it('should answer InvalidParameter without echoing the header value', async () => {
        const res = await send();
        expectError(res, 'InvalidParameter', 200);
        expect(res.text).not.toContain(echo);
      });

      it('should answer 415 in semantic mode', async () => {
        const res = await send({ httpStatus: 'semantic' });
        expectError(res, 'InvalidParameter', 415);
        expect(res.text).not.toContain(echo);
      });
    });
  });
});
