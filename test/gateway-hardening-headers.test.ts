import type { IncomingHttpHeaders } from 'node:http';
import { rateLimit } from 'express-rate-limit';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from './helpers/close-after-each.js';
import { EXPRESS_VERSIONS } from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import {
  envelopeText,
  listen,
  raw,
  upstream,
} from './helpers/gateway-upstreams.js';

const track = closeAfterEach();

// What an upstream might add that names its address, host or software.
const LEAKING = {
  'X-Backend': '10.0.0.2:3100',
  'Set-Cookie': 'sid=1; Domain=internal.corp',
  Link: '<http://10.0.0.2:3100/x>; rel="next"',
  'WWW-Authenticate': 'Basic realm="10.0.0.2"',
  Server: 'internal-server/1.0',
  Via: '1.1 backend-7.internal',
  'X-Powered-By': 'PHP/8.3 on internal.corp',
  'Content-Location': 'http://10.0.0.2:3100/',
  'Alt-Svc': 'h2="10.0.0.2:3101"',
  'X-Custom': 'internal.corp',
};

// What the client has a use for, and gets.
const USEFUL = {
  'Retry-After': '7',
  'RateLimit-Limit': '600',
  'RateLimit-Remaining': '599',
  'RateLimit-Reset': '60',
  'RateLimit-Policy': '600;w=60',
  'X-RateLimit-Limit': '600',
  'Cache-Control': 'no-cache',
  'X-TC-TraceId': 'trace-from-upstream-1',
};

/**
 * None of LEAKING, and nothing that names 10.0.0.2 or internal.corp. The
 * gateway's own Express may still say `X-Powered-By: Express`.
 */
function expectNoLeak(headers: IncomingHttpHeaders) {
  for (const [name, value] of Object.entries(LEAKING)) {
    expect(String(headers[name.toLowerCase()]), name).not.toContain(value);
  }
  const all = JSON.stringify(headers);
  expect(all).not.toContain('10.0.0.2');
  expect(all).not.toContain('internal');
}

function expectUseful(headers: IncomingHttpHeaders) {
  for (const [name, value] of Object.entries(USEFUL)) {
    expect(headers[name.toLowerCase()], name).toBe(value);
  }
}

describe.each(EXPRESS_VERSIONS)('tcapiProxy() on %s', (_name, express) => {
  describe('when the upstream answers with headers of its own', () => {
    it('should relay only the allowed ones with an envelope', async () => {
      const up = await track(
        upstream(
          raw(200, envelopeText({}, 'upstream-id-1'), {
            'Content-Type': 'application/json',
            ...LEAKING,
            ...USEFUL,
          }),
        ),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['x-tc-requestid']).toBe('upstream-id-1');
      expectNoLeak(res.headers);
      expectUseful(res.headers);
    });

    it('should relay only the allowed ones with a long envelope', async () => {
      const text = envelopeText({ Data: 'x'.repeat(100_000) }, 'up-2');
      const up = await track(
        upstream(
          raw(200, text, {
            'Content-Type': 'application/json',
            ...LEAKING,
            ...USEFUL,
          }),
        ),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.text).toBe(text);
      expect(res.headers['content-length']).toBe(String(text.length));
      expectNoLeak(res.headers);
      expectUseful(res.headers);
    });

    it('should relay only the allowed ones with an event stream', async () => {
      const events = 'data: {"Id":"1"}\n\n';
      const up = await track(
        upstream(
          raw(200, events, {
            'Content-Type': 'text/event-stream',
            ...LEAKING,
            ...USEFUL,
          }),
        ),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.text).toBe(events);
      expect(res.headers['content-type']).toBe('text/event-stream');
      expectNoLeak(res.headers);
      expectUseful(res.headers);
    });

    it('should relay only the allowed ones with the 304 of a conditional GET', async () => {
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(304, { ETag: '"v1"', ...LEAKING, ...USEFUL });
          res.end();
        }),
      );
      const res = await request(gatewayApp(express, up.url))
        .get('/')
        .set('If-None-Match', '"v1"');
      expect(res.status).toBe(304);
      expect(res.headers.etag).toBe('"v1"');
      expectNoLeak(res.headers);
      expectUseful(res.headers);
    });

    it('should relay none of them with an answer it replaces', async () => {
      const up = await track(
        upstream(
          raw(502, '<html>bad gateway</html>', {
            'Content-Type': 'text/html',
            ...LEAKING,
          }),
        ),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.body.Response.Error.Code).toBe('ServiceUnavailable');
      expectNoLeak(res.headers);
    });

    it('should never copy the framing of the upstream connection', async () => {
      const up = await track(
        listen((_req, res) => {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            Connection: 'close',
            'Keep-Alive': 'timeout=99',
          });
          // Chunked, since there is no Content-Length.
          res.write('{"Response":');
          res.end('{"RequestId":"up-3"}}');
        }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.text).toBe('{"Response":{"RequestId":"up-3"}}');
      expect(res.headers['content-length']).toBe(String(res.text.length));
      expect(res.headers['transfer-encoding']).toBeUndefined();
      expect(res.headers['keep-alive']).toBeUndefined();
    });

    it('should not echo a trace id that is not safe', async () => {
      const up = await track(
        upstream(
          raw(200, envelopeText({}), {
            'Content-Type': 'application/json',
            'X-TC-TraceId': `trace ${'x'.repeat(100)}`,
          }),
        ),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.headers['x-tc-traceid']).toBeUndefined();
    });
  });

  describe('when the gateway sets a header the upstream sends too', () => {
    it("should keep the gateway's own", async () => {
      const up = await track(
        upstream(
          raw(200, envelopeText({}), {
            'Content-Type': 'application/json',
            'RateLimit-Limit': '999999',
          }),
        ),
      );
      const app = gatewayApp(express, up.url, {
        before: (app) =>
          app.use(rateLimit({ limit: 5, standardHeaders: 'draft-6' }) as never),
      });
      const res = await request(app).post('/');
      expect(res.headers['ratelimit-limit']).toBe('5');
    });
  });
});
