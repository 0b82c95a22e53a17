import { describe, expect, it, vi } from 'vitest';
import { captureRawBody, type ErrorReport } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
} from './helpers/express-versions.js';
import {
  FILTERS_PARAMS,
  FILTERS_QUERY,
  FILTERS_SCHEMA,
  signedApp,
} from './helpers/protocol-app.js';
import { KEY, tc3Post, v1Post } from './helpers/protocol-requests.js';

// Apps often parse bodies before every route. A signature is over the
// bytes, so the router needs them kept with `captureRawBody`.

const GENERIC = 'An internal error occurred.';
const FILTERS_FLAT = Object.fromEntries(new URLSearchParams(FILTERS_QUERY));

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const withParser =
    (parser: 'json' | 'urlencoded', keepBytes: boolean) =>
    (app: ReturnType<typeof express>) => {
      const verify = keepBytes ? { verify: captureRawBody } : {};
      app.use(
        parser === 'json'
          ? express.json(verify)
          : express.urlencoded({ extended: false, ...verify }),
      );
    };

  function parsedApp(
    before: ReturnType<typeof withParser>,
    credentials = true,
  ) {
    const handler = vi.fn((_params: unknown) => ({ Ok: true }));
    const onError = vi.fn((_error: unknown, _report: ErrorReport) => undefined);
    const app = signedApp(
      express,
      { DescribeInstances: { params: FILTERS_SCHEMA, handler } },
      credentials ? {} : { credentials: undefined },
      { before, onError },
    );
    return { app, handler, onError };
  }

  describe('actionRouter() after express.json({ verify: captureRawBody })', () => {
    describe('when a signed TC3 request arrives', () => {
      it('should verify it and run the action', async () => {
        const { app, handler } = parsedApp(withParser('json', true));
        const res = await tc3Post(app, JSON.stringify(FILTERS_PARAMS));
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Ok: true, RequestId: rid } });
        expect(handler.mock.calls[0]?.[0]).toStrictEqual(FILTERS_PARAMS);
      });

      it('should verify a body with a charset and spacing kept as sent', async () => {
        const { app } = parsedApp(withParser('json', true));
        const res = await tc3Post(app, '{ "Limit" : 2 }', {
          contentType: 'application/json; charset=utf-8',
        });
        expectEnvelope(res);
      });
    });

    describe('when the signature is wrong', () => {
      it('should answer AuthFailure.SignatureFailure', async () => {
        const { app, handler } = parsedApp(withParser('json', true));
        const wrong = { ...KEY, secretKey: 'not-the-key' };
        const res = await tc3Post(app, '{"Limit":2}', { signer: wrong });
        expectError(res, 'AuthFailure.SignatureFailure', 200);
        expect(handler).not.toHaveBeenCalled();
      });
    });
  });

  describe('actionRouter() after express.urlencoded({ verify: captureRawBody })', () => {
    describe('when a signed v1 form arrives', () => {
      it('should verify it and give the handler nested parameters', async () => {
        const { app, handler } = parsedApp(withParser('urlencoded', true));
        const res = await v1Post(app, FILTERS_FLAT);
        expectEnvelope(res);
        expect(handler.mock.calls[0]?.[0]).toStrictEqual(FILTERS_PARAMS);
      });
    });
  });

  describe('actionRouter() after a plain express.json(), with credentials', () => {
    describe('when a signed TC3 request arrives', () => {
      it('should answer InternalError with the generic message', async () => {
        const { app, handler } = parsedApp(withParser('json', false));
        const res = await tc3Post(app, '{"Limit":2}');
        expectError(res, 'InternalError', 200, GENERIC);
        expect(res.text).not.toContain('captureRawBody');
        expect(handler).not.toHaveBeenCalled();
      });

      it('should tell onError how to mount the parser', async () => {
        const { app, onError } = parsedApp(withParser('json', false));
        const res = await tc3Post(app, '{"Limit":2}');
        const rid = expectEnvelope(res);
        expect(onError).toHaveBeenCalledTimes(1);
        const [error, report] = onError.mock.calls[0] ?? [];
        expect(error).toBeInstanceOf(Error);
        expect((error as Error).message).toMatch(/captureRawBody/);
        expect(report).toMatchObject({ requestId: rid, code: 'InternalError' });
      });

      it('should answer 500 in semantic mode', async () => {
        const app = signedApp(
          express,
          { DescribeInstances: () => ({}) },
          {},
          { before: withParser('json', false), httpStatus: 'semantic' },
        );
        const res = await tc3Post(app, '{}');
        expectError(res, 'InternalError', 500, GENERIC);
      });
    });
  });

  describe('actionRouter() after a plain express.json(), without credentials', () => {
    describe('when a TC3 request arrives', () => {
      it('should give the handler the parsed parameters', async () => {
        const { app, handler } = parsedApp(withParser('json', false), false);
        const res = await tc3Post(app, JSON.stringify(FILTERS_PARAMS), {
          signer: null,
        });
        expectEnvelope(res);
        expect(handler.mock.calls[0]?.[0]).toStrictEqual(FILTERS_PARAMS);
      });

      it('should still check the parameters', async () => {
        const { app } = parsedApp(withParser('json', false), false);
        const res = await tc3Post(app, '{"Bogus":1}', { signer: null });
        expectError(
          res,
          'UnknownParameter',
          200,
          'The parameter `Bogus` is not recognized.',
        );
      });
    });
  });

  describe('actionRouter() after a plain express.urlencoded(), without credentials', () => {
    describe('when a v1 form with flattened parameters arrives', () => {
      it('should give the handler nested, coerced parameters', async () => {
        const { app, handler } = parsedApp(
          withParser('urlencoded', false),
          false,
        );
        const res = await v1Post(app, FILTERS_FLAT, { signer: null });
        expectEnvelope(res);
        expect(handler.mock.calls[0]?.[0]).toStrictEqual(FILTERS_PARAMS);
      });
    });
  });
});
