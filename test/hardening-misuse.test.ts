import { setImmediate as tick } from 'node:timers/promises';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EXPRESS_VERSIONS, expectError } from './helpers/express-versions.js';
import { recordErrors } from './helpers/record-errors.js';

type Package = typeof import('express-tcapi');
type FactoryName =
  'tcapi' | 'tcapiFinish' | 'tcapiErrorHandler' | 'tcapiNotFound';

const GENERIC = 'An internal error occurred.';

// The misuse warning is emitted once per process (per loaded copy of the
// package): each test loads a fresh copy so that it sees its own.
let pkg: Package;
let warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

beforeEach(async () => {
  vi.resetModules();
  pkg = await import('express-tcapi');
  warnings = [];
  process.on('warning', onWarning);
});

afterEach(() => {
  process.off('warning', onWarning);
});

const misuseWarnings = () =>
  warnings.filter(
    (w) => (w as Error & { code?: string }).code === 'EXPRESS_TCAPI_MISUSE',
  );

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('app.use(tcapi) without the call', () => {
    const mistaken = (seen: unknown[], reached: string[]) => {
      const app = express();
      app.use(pkg.tcapi as never);
      app.get('/', (_req, res) => {
        reached.push('GET /');
        res.json({ A: 1 });
      });
      app.post('/', (_req, res) => {
        reached.push('POST /');
        res.json({ A: 1 });
      });
      app.use(recordErrors(seen));
      app.use(pkg.tcapiFinish());
      return app;
    };

    describe.each([
      ['GET /', 'get', '/'],
      ['POST /', 'post', '/'],
      ['GET on an unrouted path', 'get', '/nowhere'],
    ] as const)('when %s arrives', (_label, method, path) => {
      it('should answer InternalError, without reaching the route', async () => {
        const seen: unknown[] = [];
        const reached: string[] = [];
        const res = await request(mistaken(seen, reached))[method](path);
        expectError(res, 'InternalError', 200, GENERIC);
        expect(reached).toEqual([]);
        expect(res.text).not.toContain('app.use');
      });

      it('should hand the error handlers a TypeError showing the fix', async () => {
        const seen: unknown[] = [];
        await request(mistaken(seen, []))[method](path);
        expect(seen).toHaveLength(1);
        expect(seen[0]).toBeInstanceOf(TypeError);
        expect((seen[0] as Error).message).toContain('app.use(tcapi())');
      });
    });

    describe('when several requests arrive', () => {
      it('should answer each, and emit one EXPRESS_TCAPI_MISUSE warning', async () => {
        const app = mistaken([], []);
        const first = await request(app).post('/');
        const second = await request(app).get('/');
        await tick();
        expectError(first, 'InternalError', 200, GENERIC);
        expectError(second, 'InternalError', 200, GENERIC);
        expect(second.body.Response.RequestId).not.toBe(
          first.body.Response.RequestId,
        );
        const emitted = misuseWarnings();
        expect(emitted).toHaveLength(1);
        expect(emitted[0]?.message).toContain('app.use(tcapi())');
      });
    });
  });

  // Mounted uncalled, these are plain middleware to Express and are met by
  // requests that no route answered.
  describe.each(['tcapiFinish', 'tcapiNotFound'] as const)(
    'app.use(%s) without the call and without tcapi() in front',
    (name: FactoryName) => {
      const mistaken = () => {
        const app = express();
        app.use(pkg[name] as never);
        return app;
      };

      it('should answer an InternalError envelope with the generic message', async () => {
        const res = await request(mistaken()).get('/');
        expectError(res, 'InternalError', 200, GENERIC);
        expect(res.text).not.toMatch(/<html|<pre|TypeError|\n\s+at /i);
      });

      it('should emit one EXPRESS_TCAPI_MISUSE warning naming the fix', async () => {
        const app = mistaken();
        await request(app).get('/');
        await request(app).post('/');
        await tick();
        const emitted = misuseWarnings();
        expect(emitted).toHaveLength(1);
        expect(emitted[0]?.message).toContain(`app.use(${name}())`);
      });
    },
  );

  // The error handler's factory has the four parameters of error
  // middleware, so Express calls it, uncalled, while an error is in flight.
  // (tcapiFinish() cannot be both: uncalled, it is met by unmatched requests.)
  describe.each(['tcapiErrorHandler'] as const)(
    'app.use(%s) without the call, as the last handler after a failing route',
    (name: FactoryName) => {
      it("should answer an InternalError envelope, not Express's HTML page", async () => {
        const app = express();
        app.use(pkg.tcapi());
        app.get('/', () => {
          throw new Error('route failed at /srv/app.js');
        });
        app.use(pkg[name] as never);
        const res = await request(app).get('/');
        expectError(res, 'InternalError', 200, GENERIC);
        expect(res.text).not.toMatch(/<html|<pre|route failed|\n\s+at /i);
      });
    },
  );

  describe('the factories called properly', () => {
    it('should emit no misuse warning', async () => {
      const app = express();
      app.use(pkg.tcapi());
      app.get('/', (_req, res) => res.json({ A: 1 }));
      app.use(pkg.tcapiFinish());
      const res = await request(app).get('/');
      await tick();
      expect(res.status).toBe(200);
      expect(misuseWarnings()).toEqual([]);
    });
  });
});
