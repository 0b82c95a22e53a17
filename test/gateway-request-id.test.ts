import type { Express } from 'express';
import { createHmac } from 'node:crypto';
import { pinoHttp } from 'pino-http';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { requestIdOf, tcapi, tcapiFinish, trustGateway } from 'express-tcapi';
import { closeAfterEach } from './helpers/close-after-each.js';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectEnvelope,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import { capturedLogger } from './helpers/gateway-logs.js';
import { listen } from './helpers/gateway-upstreams.js';

const SECRET = 'gateway-and-backend-share-this';

/** hex(HMAC-SHA256(secret, id)), written out from the documented scheme. */
// The gateway's proof: `<unix seconds>.<hex HMAC of "id.seconds">`.
const proof = (secret: string, id: string) => {
  const seconds = Math.floor(Date.now() / 1000);
  const mac = createHmac('sha256', secret).update(`${id}.${seconds}`);
  return `${seconds}.${mac.digest('hex')}`;
};

const track = closeAfterEach();

/** A backend built with express-tcapi that trusts a gateway with SECRET. */
function backendApp(express: ExpressFactory, secret = SECRET) {
  const { logger, lines } = capturedLogger();
  const seenIds: unknown[] = [];
  const app = express();
  app.use(tcapi({ trustRequestId: trustGateway(secret) }));
  app.use(pinoHttp({ logger }));
  app.post('/', (req, res) => {
    seenIds.push(requestIdOf(req));
    res.json({ TotalCount: 0 });
  });
  app.use(tcapiFinish());
  return { app, lines, seenIds };
}

function serve(app: Express) {
  return track(listen(app));
}

describe.each(EXPRESS_VERSIONS)('one request id, on %s', (_name, express) => {
  describe('when the gateway and the backend share a secret', () => {
    it('should give the body, the header and both logs the gateway id', async () => {
      const backend = backendApp(express);
      const upstream = await serve(backend.app);
      const { logger, lines: gatewayLines } = capturedLogger();
      const gateway = gatewayApp(express, upstream.url, {
        proxy: { gatewaySecret: SECRET },
        before: (app) => app.use(pinoHttp({ logger })),
      });
      const res = await request(gateway).post('/').send({});
      const id = expectEnvelope(res);
      expect(backend.seenIds).toEqual([id]);
      await vi.waitFor(() => {
        expect(gatewayLines).toHaveLength(1);
        expect(backend.lines).toHaveLength(1);
      });
      expect(gatewayLines[0]?.req?.id).toBe(id);
      expect(backend.lines[0]?.req?.id).toBe(id);
    });

    it('should not pass on an id or a proof the client sent', async () => {
      const backend = backendApp(express);
      const upstream = await serve(backend.app);
      const gateway = gatewayApp(express, upstream.url, {
        proxy: { gatewaySecret: SECRET },
      });
      const res = await request(gateway)
        .post('/')
        .set('X-TC-RequestId', 'client-chosen')
        .set(
          'X-TC-Gateway-Proof',
          proof('a-guess-at-the-secret', 'client-chosen'),
        )
        .send({});
      const id = expectEnvelope(res);
      expect(id).not.toBe('client-chosen');
      expect(backend.seenIds).toEqual([id]);
    });
  });

  describe('when the gateway has no secret', () => {
    it('should let the backend pick its id, and send it in both places', async () => {
      const backend = backendApp(express);
      const upstream = await serve(backend.app);
      const gateway = gatewayApp(express, upstream.url);
      const res = await request(gateway).post('/').send({});
      const id = expectEnvelope(res);
      expect(backend.seenIds).toEqual([id]);
    });

    it('should forward its id without a proof', async () => {
      const seen: unknown[] = [];
      const upstream = await serve(
        express().post('/', (req, res) => {
          seen.push([
            req.headers['x-tc-requestid'],
            req.headers['x-tc-gateway-proof'],
          ]);
          res.setHeader('Content-Type', 'application/json');
          res.end('{"Response":{"RequestId":"r-1"}}');
        }),
      );
      const gateway = gatewayApp(express, upstream.url);
      const res = await request(gateway)
        .post('/')
        .set('X-TC-Gateway-Proof', 'f'.repeat(64));
      expect(res.status).toBe(200);
      expect(seen).toHaveLength(1);
      const [forwardedId, forwardedProof] = seen[0] as [string, unknown];
      expect(forwardedId).toMatch(UUID_V4);
      expect(forwardedProof).toBeUndefined();
    });
  });

  describe('when a client calls the backend directly', () => {
    const direct = (headers: Record<string, string>) => {
      const backend = backendApp(express);
      return request(backend.app).post('/').set(headers).send({});
    };

    it('should give a fresh id to a request with an id and no proof', async () => {
      const res = await direct({ 'X-TC-RequestId': 'from-client-1' });
      expect(expectEnvelope(res)).not.toBe('from-client-1');
    });

    it('should give a fresh id to a request from a loopback address with an id', async () => {
      const backend = backendApp(express);
      const server = await serve(backend.app);
      const res = await fetch(`${server.url}/`, {
        method: 'POST',
        headers: { 'X-TC-RequestId': 'from-loopback-1' },
      });
      const body = (await res.json()) as { Response: { RequestId: string } };
      expect(body.Response.RequestId).toMatch(UUID_V4);
      expect(res.headers.get('x-tc-requestid')).toBe(body.Response.RequestId);
    });

    it.each([
      ['another secret', proof('not-the-shared-secret', 'from-client-2')],
      ['another id', proof(SECRET, 'some-other-id')],
      ['upper-case hex', proof(SECRET, 'from-client-2').toUpperCase()],
      ['a truncated proof', proof(SECRET, 'from-client-2').slice(0, 63)],
      ['garbage', 'not hex at all'],
    ])(
      'should give a fresh id to a proof made with %s',
      async (_what, value) => {
        const res = await direct({
          'X-TC-RequestId': 'from-client-2',
          'X-TC-Gateway-Proof': value,
        });
        expect(expectEnvelope(res)).not.toBe('from-client-2');
      },
    );

    it('should keep an id whose proof was made with the shared secret', async () => {
      const res = await direct({
        'X-TC-RequestId': 'from-gateway-3',
        'X-TC-Gateway-Proof': proof(SECRET, 'from-gateway-3'),
      });
      expect(res.body.Response.RequestId).toBe('from-gateway-3');
      expect(res.headers['x-tc-requestid']).toBe('from-gateway-3');
    });

    it('should give a fresh id to an unsafe id even with a valid proof', async () => {
      const unsafe = 'x'.repeat(65);
      const res = await direct({
        'X-TC-RequestId': unsafe,
        'X-TC-Gateway-Proof': proof(SECRET, unsafe),
      });
      expect(expectEnvelope(res)).not.toBe(unsafe);
    });
  });
});

describe('trustGateway()', () => {
  it.each([undefined, '', 'fifteen-chars!!', 42])(
    'should refuse the secret %j at set-up',
    (secret) => {
      expect(() => trustGateway(secret as string)).toThrow(TypeError);
      expect(() => trustGateway(secret as string)).toThrow(
        'at least 16 characters',
      );
    },
  );

  it('should be a named policy', () => {
    expect(trustGateway(SECRET).name).toBe('trustedGateway');
  });
});
