import http from 'node:http';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { captureRawBody } from 'express-tcapi';
import { closeAfterEach } from './helpers/close-after-each.js';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectError,
} from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import {
  envelopeText,
  listen,
  upstream,
  type Answer,
} from './helpers/gateway-upstreams.js';

const track = closeAfterEach();

const ok: Answer = (_req, res) => {
  const text = envelopeText({});
  res.writeHead(200, { 'Content-Type': 'application/json' }).end(text);
};

function recordingUpstream() {
  return track(upstream(ok));
}

// Spacing, key order and escapes that a parse-and-serialise round trip
// would change: a signature over them would no longer verify.
const BODY =
  '{ "Limit" : 1,\n "Name": "\\u672a\\u547d\\u540d", "Big": 18446744073709551615 }';

describe.each(EXPRESS_VERSIONS)('tcapiProxy() on %s', (_name, express) => {
  describe('when nothing read the body before the proxy', () => {
    it('should stream it to the upstream unchanged', async () => {
      const up = await recordingUpstream();
      const res = await request(gatewayApp(express, up.url))
        .post('/')
        .set('Content-Type', 'application/json')
        .send(BODY);
      expect(res.status).toBe(200);
      expect(up.seen[0]?.body.toString('utf8')).toBe(BODY);
    });
  });

  describe('when a JSON parser with { verify: captureRawBody } read it', () => {
    it('should send the exact bytes on', async () => {
      const up = await recordingUpstream();
      const seenByGateway = vi.fn();
      const app = gatewayApp(express, up.url, {
        before: (gateway) => {
          gateway.use(express.json({ verify: captureRawBody }));
          gateway.use((req, _res, next) => {
            seenByGateway(req.body);
            next();
          });
        },
      });
      const res = await request(app)
        .post('/')
        .set('Content-Type', 'application/json')
        .send(BODY);
      expect(res.body.Response.RequestId).toBe('upstream-id-1');
      expect(seenByGateway).toHaveBeenCalledWith(
        expect.objectContaining({ Limit: 1 }),
      );
      expect(up.seen[0]?.body.toString('utf8')).toBe(BODY);
      expect(up.seen[0]?.headers['content-length']).toBe(
        String(Buffer.byteLength(BODY)),
      );
    });

    it('should send a chunked body on with its length', async () => {
      const up = await recordingUpstream();
      const app = gatewayApp(express, up.url, {
        before: (gateway) =>
          gateway.use(express.json({ verify: captureRawBody })),
      });
      const test = request(app)
        .post('/')
        .set('Content-Type', 'application/json')
        .set('Transfer-Encoding', 'chunked');
      test.write(BODY.slice(0, 10));
      test.write(BODY.slice(10));
      const res = await test;
      expect(res.status).toBe(200);
      expect(up.seen[0]?.body.toString('utf8')).toBe(BODY);
      expect(up.seen[0]?.headers['transfer-encoding']).toBeUndefined();
    });
  });

  describe('when a form parser with { verify: captureRawBody } read it', () => {
    it('should send the exact bytes on', async () => {
      const up = await recordingUpstream();
      const form =
        'Action=DescribeInstances&Filters.0.Name=zone&Name=%E6%9C%AA';
      const app = gatewayApp(express, up.url, {
        before: (gateway) =>
          gateway.use(
            express.urlencoded({ extended: false, verify: captureRawBody }),
          ),
      });
      await request(app)
        .post('/')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(form);
      expect(up.seen[0]?.body.toString('utf8')).toBe(form);
    });
  });

  describe('when a parser read it without keeping the bytes', () => {
    it('should answer InternalError at once, not leave the request hanging', async () => {
      const up = await recordingUpstream();
      const onError = vi.fn();
      const app = gatewayApp(express, up.url, {
        onError,
        before: (gateway) => gateway.use(express.json()),
      });
      const res = await request(app)
        .post('/')
        .set('Content-Type', 'application/json')
        .send(BODY);
      expectError(res, 'InternalError');
      expect(String(onError.mock.calls[0]?.[0]?.cause?.message)).toContain(
        'captureRawBody',
      );
    });

    it('should still forward a request without a body', async () => {
      const up = await recordingUpstream();
      const app = gatewayApp(express, up.url, {
        before: (gateway) => gateway.use(express.json()),
      });
      const res = await request(app).get('/?Action=DescribeInstances');
      expect(res.status).toBe(200);
      expect(res.body.Response.RequestId).toBe('upstream-id-1');
      expect(up.seen[0]?.url).toBe('/?Action=DescribeInstances');
    });
  });

  describe('when the client expects 100-continue', () => {
    it('should send the bytes a parser read on, with the gateway id', async () => {
      const up = await recordingUpstream();
      const app = gatewayApp(express, up.url, {
        before: (gateway) =>
          gateway.use(express.json({ verify: captureRawBody })),
      });
      const gateway = await track(listen(app));
      // As a client that waits for 100 Continue before the body.
      const status = await new Promise<number | undefined>(
        (resolve, reject) => {
          const req = http.request({
            host: '127.0.0.1',
            port: gateway.port,
            method: 'POST',
            path: '/',
            headers: {
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(BODY),
              Expect: '100-continue',
            },
          });
          req.on('continue', () => req.end(BODY));
          req.on('response', (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
          });
          req.on('error', reject);
        },
      );
      expect(status).toBe(200);
      expect(up.seen[0]?.body.toString('utf8')).toBe(BODY);
      expect(up.seen[0]?.headers['x-tc-requestid']).toMatch(UUID_V4);
      expect(up.seen[0]?.headers.expect).toBeUndefined();
    });
  });

  describe('when the body is large', () => {
    it('should stream it to the upstream whole', async () => {
      const up = await recordingUpstream();
      const big = JSON.stringify({ Data: 'y'.repeat(3_000_000) });
      const res = await request(gatewayApp(express, up.url))
        .post('/')
        .set('Content-Type', 'application/json')
        .send(big);
      expect(res.status).toBe(200);
      expect(up.seen[0]?.body.length).toBe(big.length);
    });
  });
});
