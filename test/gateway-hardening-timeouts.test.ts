import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from './helpers/close-after-each.js';
import { EXPRESS_VERSIONS, expectError } from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import { drippingUpstream, readSlowly } from './helpers/gateway-hardening.js';
import { listen, upstream } from './helpers/gateway-upstreams.js';

const track = closeAfterEach();

const TIMEOUT = 300;
// More than the socket buffers between the three processes' ends hold,
// so that a paused client holds the upstream back.
const LARGE = 24 * 1024 * 1024;
const ONE_MB = 1024 * 1024;

/** A long envelope of about `size` bytes, written as fast as it goes. */
function largeEnvelope(size: number): Buffer {
  const start = '{"Response":{"Data":"';
  const end = '","RequestId":"large-1"}}';
  const pad = 'x'.repeat(size - start.length - end.length);
  return Buffer.from(start + pad + end);
}

/** An event stream of `count` events of about 64 KB each. */
function largeEvents(count: number): string[] {
  const text = 'y'.repeat(64 * 1024);
  return Array.from(
    { length: count },
    (_, i) => `data: {"Index":${i},"Text":"${text}"}\n\n`,
  );
}

describe.each(EXPRESS_VERSIONS)('tcapiProxy() on %s', (_name, express) => {
  describe('when the client reads slowly', () => {
    it('should relay a large envelope whole while the client pauses longer than the timeout', async () => {
      const body = largeEnvelope(LARGE);
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': String(body.length),
          });
          res.end(body);
        }),
      );
      const gateway = await track(
        listen(gatewayApp(express, up.url, { proxy: { timeout: TIMEOUT } })),
      );
      const answer = await readSlowly(gateway.port, {
        pauseAfter: ONE_MB,
        pauseMs: 1000,
      });
      expect(answer.status).toBe(200);
      expect(answer.complete).toBe(true);
      expect(answer.body.length).toBe(body.length);
      expect(answer.body.equals(body)).toBe(true);
    });

    it('should relay a backed-up event stream whole', async () => {
      const events = largeEvents(LARGE / (64 * 1024));
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/event-stream' });
          let next = 0;
          const write = () => {
            while (next < events.length) {
              if (!res.write(events[next++])) {
                res.once('drain', write);
                return;
              }
            }
            res.end();
          };
          write();
        }),
      );
      const gateway = await track(
        listen(gatewayApp(express, up.url, { proxy: { timeout: TIMEOUT } })),
      );
      const answer = await readSlowly(gateway.port, {
        pauseAfter: ONE_MB,
        pauseMs: 1000,
      });
      expect(answer.status).toBe(200);
      expect(answer.complete).toBe(true);
      expect(answer.body.toString('utf8')).toBe(events.join(''));
    });
  });

  describe('when the upstream goes silent after a slow client caught up', () => {
    it('should still cut the connection after the timeout', async () => {
      const body = largeEnvelope(LARGE);
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': String(body.length + 1000),
          });
          // Everything but the last 1000 bytes, which never come.
          res.write(body);
        }),
      );
      const gateway = await track(
        listen(gatewayApp(express, up.url, { proxy: { timeout: TIMEOUT } })),
      );
      const started = Date.now();
      const answer = await readSlowly(gateway.port, {
        pauseAfter: ONE_MB,
        pauseMs: 1000,
      });
      expect(answer.complete).toBe(false);
      expect(answer.body.length).toBe(body.length);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  describe('when the upstream answers slowly but steadily', () => {
    it('should keep a stream whose events come within the timeout of each other, however long it lasts', async () => {
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/event-stream' });
          let sent = 0;
          const timer = setInterval(() => {
            sent += 1;
            if (sent < 8) res.write(`data: {"Index":${sent}}\n\n`);
            else {
              clearInterval(timer);
              res.end();
            }
          }, TIMEOUT / 3);
        }),
      );
      const gateway = await track(
        listen(gatewayApp(express, up.url, { proxy: { timeout: TIMEOUT } })),
      );
      const answer = await readSlowly(gateway.port, {
        pauseAfter: Infinity,
        pauseMs: 0,
      });
      expect(answer.complete).toBe(true);
      expect(answer.body.toString('utf8')).toContain('data: {"Index":7}');
    });
  });

  describe('when the upstream drips its headers', () => {
    it('should answer InternalError.BackendTimeout once the timeout has passed since the request', async () => {
      const up = await track(drippingUpstream(TIMEOUT / 3));
      const app = gatewayApp(express, up.url, { proxy: { timeout: TIMEOUT } });
      const started = Date.now();
      const res = await request(app).post('/').send({}).timeout(5000);
      const took = Date.now() - started;
      expectError(
        res,
        'InternalError.BackendTimeout',
        200,
        'The backend service did not answer in time.',
      );
      expect(took).toBeGreaterThanOrEqual(TIMEOUT - 10);
      expect(took).toBeLessThan(TIMEOUT * 3);
    });

    it('should answer 500 in semantic mode', async () => {
      const up = await track(drippingUpstream(TIMEOUT / 3));
      const app = gatewayApp(express, up.url, {
        httpStatus: 'semantic',
        proxy: { timeout: TIMEOUT },
      });
      const res = await request(app).post('/').send({}).timeout(5000);
      expectError(res, 'InternalError.BackendTimeout', 500);
    });
  });
});
