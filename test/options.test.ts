import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import {
  tcapi,
  tcapiErrorHandler,
  tcapiFinish,
  tcapiNotFound,
  type TcapiOptions,
} from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  tcapiApp,
} from './helpers/express-versions.js';
import { recordErrors } from './helpers/record-errors.js';

const FACTORIES = [
  ['tcapi', tcapi],
  ['tcapiFinish', tcapiFinish],
  ['tcapiNotFound', tcapiNotFound],
  ['tcapiErrorHandler', tcapiErrorHandler],
] as const;

// [option, bad value, how the value shows in the message]
const BAD_VALUES: ReadonlyArray<
  readonly [keyof TcapiOptions, unknown, string]
> = [
  ['httpStatus', 'strict', '"strict"'],
  ['httpStatus', 200, '200'],
  ['trustRequestId', 'yes', '"yes"'],
  ['onError', 'log', '"log"'],
  ['bigint', 'bigint', '"bigint"'],
  ['dataKey', 'data', '"data"'],
  ['dataKey', '', '""'],
  ['dataKey', 'Error', '"Error"'],
  ['dataKey', 'RequestId', '"RequestId"'],
  ['restrictMethods', 'false', '"false"'],
  ['noContent', 'drop', '"drop"'],
];

describe.each(FACTORIES)('%s()', (_name, factory) => {
  const make = factory as (options?: unknown) => unknown;

  describe.each(BAD_VALUES)('when %s is %j', (option, value, shown) => {
    it('should throw a TypeError naming the option and the value', () => {
      expect(() => make({ [option]: value })).toThrow(TypeError);
      expect(() => make({ [option]: value })).toThrow(`\`${option}\``);
      expect(() => make({ [option]: value })).toThrow(`received ${shown}`);
    });
  });

  describe('when given an unknown option', () => {
    it('should name it and list the known ones', () => {
      expect(() => make({ httpstatus: 'semantic' })).toThrow(
        /unknown option `httpstatus`; the options are httpStatus, /,
      );
    });
  });

  describe.each([[null], ['semantic'], [42]])(
    'when the options are %j',
    (options) => {
      it('should throw a TypeError asking for an options object', () => {
        expect(() => make(options)).toThrow(TypeError);
        expect(() => make(options)).toThrow(
          /expected an options object, received/,
        );
      });
    },
  );

  describe('when an option is undefined', () => {
    it('should take its default', () => {
      expect(() =>
        make({ httpStatus: undefined, dataKey: undefined }),
      ).not.toThrow();
    });
  });
});

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('app.use(tcapi) without the call', () => {
    it('should fail every request with a TypeError that shows the fix', async () => {
      const seen: unknown[] = [];
      const fix = 'app.use(tcapi())';
      const app = express();
      app.use(tcapi as never);
      app.post('/', (_req, res) => res.json({ Reached: true }));
      app.use(recordErrors(seen));
      app.use(tcapiErrorHandler());
      const res = await request(app).post('/');
      expectEnvelope(res);
      expect(res.body.Response.Error.Code).toBe('InternalError');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toBeInstanceOf(TypeError);
      expect((seen[0] as Error).message).toContain(fix);
    });
  });

  describe.each([
    ['tcapiFinish', tcapiFinish],
    ['tcapiNotFound', tcapiNotFound],
  ] as const)('app.use(%s) without the call', (name, factory) => {
    it('should answer InternalError as an envelope, not an HTML page', async () => {
      const onError = vi.fn();
      const app = express();
      app.use(tcapi({ onError }));
      app.use(factory as never);
      const res = await request(app).post('/');
      expectEnvelope(res);
      expect(res.body.Response.Error.Code).toBe('InternalError');
      expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(TypeError);
      expect((onError.mock.calls[0]?.[0] as Error).message).toContain(
        `app.use(${name}())`,
      );
    });
  });

  describe('tcapi() with valid options', () => {
    it('should answer as configured', async () => {
      const app = tcapiApp(
        express,
        (a) => a.post('/', (_req, res) => res.json([1])),
        {
          dataKey: 'Items',
        },
      );
      const res = await request(app).post('/');
      const rid = expectEnvelope(res);
      expect(res.body).toEqual({ Response: { Items: [1], RequestId: rid } });
    });
  });
});
