import { createHmac } from 'node:crypto';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestIdOf, tcapi, tcapiFinish, trustGateway } from 'express-tcapi';
import { closeAfterEach } from './helpers/close-after-each.js';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import { listen } from './helpers/gateway-upstreams.js';

const SECRET = 'gateway-and-backend-share-this';

const track = closeAfterEach();

afterEach(() => {
  vi.useRealTimers();
});

const now = () => Math.floor(Date.now() / 1000);

/**
 * `<seconds>.<hex(HMAC-SHA256(secret, id + '.' + seconds))>`, written out
 * from the documented scheme.
 */
function proof(secret: string, id: string, seconds = now()): string {
  const mac = createHmac('sha256', secret)
    .update(`${id}.${seconds}`)
    .digest('hex');
  return `${seconds}.${mac}`;
}

/** A backend that trusts a gateway with SECRET, and records its ids. */
function backendApp(
  express: ExpressFactory,
  options?: Parameters<typeof trustGateway>[1],
) {
  const seenIds: unknown[] = [];
  const app = express();
  app.use(tcapi({ trustRequestId: trustGateway(SECRET, options) }));
  app.post('/', (req, res) => {
    seenIds.push(requestIdOf(req));
    res.json({});
  });
  app.use(tcapiFinish());
  return { app, seenIds };
}

describe.each(EXPRESS_VERSIONS)('gateway proofs on %s', (_name, express) => {
  describe('when the gateway forwards a request', () => {
    it('should send a proof bound to the time it was made', async () => {
      const seen: Array<[string, string]> = [];
      const upstream = await track(
        listen(
          express().post('/', (req, res) => {
            seen.push([
              req.headers['x-tc-requestid'] as string,
              req.headers['x-tc-gateway-proof'] as string,
            ]);
            res.setHeader('Content-Type', 'application/json');
            res.end('{"Response":{"RequestId":"r-1"}}');
          }),
        ),
      );
      const gateway = gatewayApp(express, upstream.url, {
        proxy: { gatewaySecret: SECRET },
      });
      const before = now();
      await request(gateway).post('/').send({});
      const after = now();
      const [id, sent] = seen[0]!;
      const match = /^(\d+)\.([0-9a-f]{64})$/.exec(sent);
      expect(match).not.toBeNull();
      const seconds = Number(match![1]);
      expect(seconds).toBeGreaterThanOrEqual(before);
      expect(seconds).toBeLessThanOrEqual(after);
      expect(sent).toBe(proof(SECRET, id, seconds));
    });

    it('should still give the backend its id end to end', async () => {
      const backend = backendApp(express);
      const upstream = await track(listen(backend.app));
      const gateway = gatewayApp(express, upstream.url, {
        proxy: { gatewaySecret: SECRET },
      });
      const res = await request(gateway).post('/').send({});
      expect(backend.seenIds).toEqual([expectEnvelope(res)]);
    });
  });

  describe('when a request reaches the backend with a proof', () => {
    const send = (app: ReturnType<typeof backendApp>['app'], value: string) =>
      request(app)
        .post('/')
        .set({
          'X-TC-RequestId': 'from-gateway-1',
          'X-TC-Gateway-Proof': value,
        })
        .send({});

    it('should keep the id of a fresh proof', async () => {
      const res = await send(
        backendApp(express).app,
        proof(SECRET, 'from-gateway-1'),
      );
      expect(res.body.Response.RequestId).toBe('from-gateway-1');
    });

    it.each([
      ['made 301 s ago', () => proof(SECRET, 'from-gateway-1', now() - 301)],
      ['dated 301 s ahead', () => proof(SECRET, 'from-gateway-1', now() + 301)],
      [
        'in the old form, without a time',
        () =>
          createHmac('sha256', SECRET).update('from-gateway-1').digest('hex'),
      ],
      [
        'whose time was changed',
        () => {
          const old = proof(SECRET, 'from-gateway-1', now() - 3600);
          return `${now()}${old.slice(old.indexOf('.'))}`;
        },
      ],
      ['for another id', () => proof(SECRET, 'from-gateway-2')],
      [
        'made with another secret',
        () => proof('not-the-shared-secret', 'from-gateway-1'),
      ],
      [
        'without its time',
        () => proof(SECRET, 'from-gateway-1').split('.')[1]!,
      ],
      ['with a fractional time', () => `${now()}.5.${'a'.repeat(64)}`],
    ])('should give a fresh id to a proof %s', async (_what, make) => {
      const res = await send(backendApp(express).app, make());
      expect(expectEnvelope(res)).not.toBe('from-gateway-1');
    });

    it('should refuse a proof replayed once it is older than maxSkewSeconds', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const { app } = backendApp(express);
      const captured = proof(SECRET, 'from-gateway-1');
      expect((await send(app, captured)).body.Response.RequestId).toBe(
        'from-gateway-1',
      );
      vi.setSystemTime(Date.now() + 301_000);
      expect((await send(app, captured)).body.Response.RequestId).not.toBe(
        'from-gateway-1',
      );
    });

    it('should follow maxSkewSeconds', async () => {
      const { app } = backendApp(express, { maxSkewSeconds: 10 });
      const fresh = await send(app, proof(SECRET, 'from-gateway-1', now() - 8));
      expect(fresh.body.Response.RequestId).toBe('from-gateway-1');
      const stale = await send(
        app,
        proof(SECRET, 'from-gateway-1', now() - 12),
      );
      expect(stale.body.Response.RequestId).not.toBe('from-gateway-1');
    });
  });
});

describe('trustGateway()', () => {
  it.each([
    [{ maxSkewSeconds: 0 }, 'must be a positive number'],
    [{ maxSkewSeconds: -5 }, 'must be a positive number'],
    [{ maxSkewSeconds: '300' }, 'must be a positive number'],
    [{ maxSkewSeconds: Number.NaN }, 'must be a positive number'],
    [{ maxSkew: 300 }, 'has no option `maxSkew`'],
    [null, 'takes an options object'],
  ])('should refuse the options %j at set-up', (options, message) => {
    expect(() => trustGateway(SECRET, options as never)).toThrow(TypeError);
    expect(() => trustGateway(SECRET, options as never)).toThrow(message);
  });
});
