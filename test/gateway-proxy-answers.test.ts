import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from './helpers/close-after-each.js';
import { EXPRESS_VERSIONS, expectError } from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import {
  envelopeText,
  raw,
  upstream,
  type Answer,
} from './helpers/gateway-upstreams.js';

// Reads the body as the bytes sent, whatever the type says.
function asBytes(
  res: { on(event: string, listener: (chunk?: Buffer) => void): unknown },
  done: (error: Error | null, body: Buffer) => void,
): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

const track = closeAfterEach();

function upstreamAnswering(answer: Answer) {
  return track(upstream(answer));
}

/** Nothing of the upstream's address or its own text may show. */
function expectNoLeak(
  res: request.Response,
  upstreamPort: number,
  secrets: string[] = [],
) {
  const everything = JSON.stringify(res.headers) + res.text;
  expect(everything).not.toContain(String(upstreamPort));
  for (const secret of secrets) expect(everything).not.toContain(secret);
}

describe.each(EXPRESS_VERSIONS)('tcapiProxy() on %s', (_name, express) => {
  describe('when the upstream answers an envelope', () => {
    it('should pass its bytes through unchanged', async () => {
      // Unusual spacing, a big integer and an escape: a gateway that
      // parsed and wrote it again would change every one of them.
      const text =
        '{ "Response" : {"DiskSize": 18446744073709551615, "Name": "\\u00e9t\\u00e9",\n' +
        '  "RequestId": "upstream-id-1"} }';
      const up = await upstreamAnswering(
        raw(200, text, { 'Content-Type': 'application/json' }),
      );
      const res = await request(gatewayApp(express, up.url))
        .post('/')
        .send({})
        .buffer(true)
        .parse(asBytes);
      expect(res.status).toBe(200);
      expect((res.body as Buffer).toString('utf8')).toBe(text);
    });

    it('should send it with Content-Type exactly application/json and its RequestId in the header', async () => {
      const text = envelopeText({ TotalCount: 0 }, 'upstream-id-2');
      const up = await upstreamAnswering(
        raw(200, text, { 'Content-Type': 'application/json; charset=utf-8' }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.headers['x-tc-requestid']).toBe('upstream-id-2');
      expect(res.body.Response.RequestId).toBe('upstream-id-2');
    });

    it('should pass an error envelope on 200 with its code', async () => {
      const text = envelopeText(
        { Error: { Code: 'ResourceNotFound', Message: 'no such instance' } },
        'upstream-id-3',
      );
      const up = await upstreamAnswering(
        raw(200, text, { 'Content-Type': 'application/json' }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.status).toBe(200);
      expect(res.text).toBe(text);
    });

    it('should send an upstream error envelope on 200 whatever the upstream status', async () => {
      const text = envelopeText(
        { Error: { Code: 'ResourceNotFound', Message: 'gone' } },
        'upstream-id-4',
      );
      const up = await upstreamAnswering(
        raw(404, text, { 'Content-Type': 'application/json' }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.status).toBe(200);
      expect(res.text).toBe(text);
    });

    it('should give an error envelope its semantic status when the gateway is semantic', async () => {
      const text = envelopeText(
        { Error: { Code: 'ResourceNotFound', Message: 'gone' } },
        'upstream-id-5',
      );
      const up = await upstreamAnswering(
        raw(200, text, { 'Content-Type': 'application/json' }),
      );
      const app = gatewayApp(express, up.url, { httpStatus: 'semantic' });
      const res = await request(app).post('/');
      expect(res.status).toBe(404);
      expect(res.text).toBe(text);
    });

    it('should stream a long envelope through byte for byte', async () => {
      const items = Array.from({ length: 4000 }, (_, i) => ({
        InstanceId: `ins-${i}`,
      }));
      const text = envelopeText({ InstanceSet: items }, 'upstream-id-6');
      expect(text.length).toBeGreaterThan(64 * 1024);
      const up = await upstreamAnswering((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        // In pieces, without a Content-Length.
        res.write(text.slice(0, 100));
        setTimeout(() => res.end(text.slice(100)), 20);
      });
      const res = await request(gatewayApp(express, up.url))
        .post('/')
        .buffer(true)
        .parse(asBytes);
      expect((res.body as Buffer).toString('utf8')).toBe(text);
      // Without the upstream's header, the id cannot be read from a body
      // that is not held: the gateway's own stays.
      expect(res.headers['x-tc-requestid']).toBe(
        up.seen[0]?.headers['x-tc-requestid'],
      );
    });

    it('should relay the headers it allows and drop those that name the upstream', async () => {
      const text = envelopeText({}, 'upstream-id-7');
      const up = await upstreamAnswering(
        raw(200, text, {
          'Content-Type': 'application/json',
          'Cache-Control': 'no-store',
          'X-Custom': 'an upstream header not on the list',
          Server: 'internal-server/1.0',
          Via: '1.1 backend-7.internal',
          'Content-Location': 'http://backend-7.internal:9000/',
        }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-custom']).toBeUndefined();
      expect(res.headers.server).toBeUndefined();
      expect(res.headers.via).toBeUndefined();
      expect(res.headers['content-location']).toBeUndefined();
    });

    it('should ask the upstream for an uncompressed answer', async () => {
      const up = await upstreamAnswering(
        raw(200, envelopeText({}), { 'Content-Type': 'application/json' }),
      );
      await request(gatewayApp(express, up.url))
        .post('/')
        .set('Accept-Encoding', 'gzip, br');
      expect(up.seen[0]?.headers['accept-encoding']).toBe('identity');
    });
  });

  describe('when the upstream answers something other than an envelope', () => {
    const page =
      '<html><body>502 Bad Gateway<br>nginx at backend-3.internal:8443</body></html>';

    it.each([
      ['an HTML 502 page', 502, page, 'text/html', 'ServiceUnavailable'],
      ['an HTML 503 page', 503, page, 'text/html', 'ServiceUnavailable'],
      [
        'a 504 in plain text',
        504,
        'gateway timeout at backend-3.internal:8443',
        'text/plain',
        'InternalError.BackendTimeout',
      ],
      ['an HTML 500 page', 500, page, 'text/html', 'InternalError'],
      ['an HTML 404 page', 404, page, 'text/html', 'InternalError'],
      ['an HTML 200 page', 200, page, 'text/html', 'InternalError'],
      [
        'a bare JSON object',
        200,
        '{"InstanceSet":[],"host":"backend-3.internal:8443"}',
        'application/json',
        'InternalError',
      ],
      ['an empty body', 200, '', 'application/json', 'InternalError'],
      [
        'an envelope without RequestId',
        200,
        '{"Response":{"TotalCount":0}}',
        'application/json',
        'InternalError',
      ],
      [
        'an error without Code',
        200,
        '{"Response":{"Error":{"Message":"x"},"RequestId":"r-1"}}',
        'application/json',
        'InternalError',
      ],
      [
        'a JSON array',
        200,
        '[{"Response":{"RequestId":"r-1"}}]',
        'application/json',
        'InternalError',
      ],
      [
        'a body that is too large, as a 413 page',
        413,
        page,
        'text/html',
        'RequestSizeLimitExceeded',
      ],
    ])('should answer %s with %s', async (_what, status, body, type, code) => {
      const up = await upstreamAnswering(
        raw(status, body, {
          'Content-Type': type,
          Server: 'nginx/1.25 backend-3.internal',
        }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expectError(res, code);
      expectNoLeak(res, up.port, ['backend-3', 'nginx', '<html']);
    });

    it('should answer a 204 with InternalError', async () => {
      const up = await upstreamAnswering((_req, res) => {
        res.writeHead(204).end();
      });
      const res = await request(gatewayApp(express, up.url)).post('/');
      expectError(res, 'InternalError');
    });

    it('should answer a redirect with InternalError and no Location', async () => {
      const up = await upstreamAnswering(
        raw(302, '', { Location: 'http://backend-3.internal:8443/login' }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expectError(res, 'InternalError');
      expect(res.headers.location).toBeUndefined();
      expectNoLeak(res, up.port, ['backend-3']);
    });

    it('should answer a 429 page with RequestLimitExceeded and keep Retry-After', async () => {
      const up = await upstreamAnswering(
        raw(429, 'Too many requests', {
          'Content-Type': 'text/plain',
          'Retry-After': '17',
        }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expectError(res, 'RequestLimitExceeded');
      expect(res.headers['retry-after']).toBe('17');
    });

    it('should answer with the gateway request id', async () => {
      const up = await upstreamAnswering(
        raw(502, page, {
          'Content-Type': 'text/html',
          'X-TC-RequestId': 'up-9',
        }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expectError(res, 'ServiceUnavailable');
      expect(res.headers['x-tc-requestid']).toBe(
        up.seen[0]?.headers['x-tc-requestid'],
      );
    });

    it('should use the status the gateway is set to in semantic mode', async () => {
      const up = await upstreamAnswering(
        raw(502, page, { 'Content-Type': 'text/html' }),
      );
      const app = gatewayApp(express, up.url, { httpStatus: 'semantic' });
      const res = await request(app).post('/');
      expectError(res, 'ServiceUnavailable', 503);
    });

    it('should answer in the caller language', async () => {
      const up = await upstreamAnswering(
        raw(503, page, { 'Content-Type': 'text/html' }),
      );
      const res = await request(gatewayApp(express, up.url))
        .post('/')
        .set('X-TC-Language', 'zh-CN');
      expectError(res, 'ServiceUnavailable', 200, '当前服务暂时不可用。');
    });
  });
});
