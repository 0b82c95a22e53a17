import http from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { tcapiProxy } from 'express-tcapi';
import { closeAfterEach } from './helpers/close-after-each.js';
import { EXPRESS_VERSIONS, expectError } from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import { listen, refusingPort, upstream } from './helpers/gateway-upstreams.js';

const track = closeAfterEach();

/** One POST through a real socket, noting whether the answer was whole. */
async function observe(app: Express) {
  const gateway = await track(listen(app));
  return new Promise<{ status?: number; body: string; complete: boolean }>(
    (resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: gateway.port, method: 'POST', path: '/' },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('error', () => undefined);
          res.on('close', () =>
            resolve({ status: res.statusCode, body, complete: res.complete }),
          );
        },
      );
      req.on('error', () => resolve({ body: '', complete: false }));
      req.end('{}');
    },
  );
}

describe.each(EXPRESS_VERSIONS)('tcapiProxy() on %s', (_name, express) => {
  describe('when the upstream refuses the connection', () => {
    it('should answer ServiceUnavailable without naming the upstream', async () => {
      const port = await refusingPort();
      const res = await request(
        gatewayApp(express, `http://127.0.0.1:${port}`),
      ).post('/');
      expectError(res, 'ServiceUnavailable');
      expect(JSON.stringify(res.headers) + res.text).not.toContain(
        String(port),
      );
    });

    it('should tell onError, with the network error as the cause', async () => {
      const port = await refusingPort();
      const onError = vi.fn();
      const app = gatewayApp(express, `http://127.0.0.1:${port}`, { onError });
      const res = await request(app).post('/');
      expect(onError).toHaveBeenCalledTimes(1);
      const [error, report] = onError.mock.calls[0] as [
        { cause: { code: string } },
        { requestId: string; code: string },
      ];
      expect(error.cause.code).toBe('ECONNREFUSED');
      expect(report.code).toBe('ServiceUnavailable');
      expect(report.requestId).toBe(res.body.Response.RequestId);
    });
  });

  describe('when the upstream host does not resolve', () => {
    it('should answer ServiceUnavailable', async () => {
      const app = gatewayApp(express, 'http://backend.invalid:3000');
      const res = await request(app).post('/');
      expectError(res, 'ServiceUnavailable');
      expect(res.text).not.toContain('backend.invalid');
    });
  });

  describe('when the upstream stays silent', () => {
    it('should answer InternalError.BackendTimeout after the timeout', async () => {
      const slow = await track(listen(() => undefined));
      const app = gatewayApp(express, slow.url, { proxy: { timeout: 200 } });
      const started = Date.now();
      const res = await request(app).post('/');
      expectError(
        res,
        'InternalError.BackendTimeout',
        200,
        'The backend service did not answer in time.',
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(res.text).not.toContain(String(slow.port));
    });

    it('should answer 500 in semantic mode', async () => {
      const slow = await track(listen(() => undefined));
      const app = gatewayApp(express, slow.url, {
        httpStatus: 'semantic',
        proxy: { timeout: 100 },
      });
      const res = await request(app).post('/');
      expectError(res, 'InternalError.BackendTimeout', 500);
    });
  });

  describe('when the upstream closes the connection without answering', () => {
    it('should answer ServiceUnavailable', async () => {
      const up = await track(
        upstream((req) => {
          req.socket.destroy();
        }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expectError(res, 'ServiceUnavailable');
    });
  });

  describe('when the upstream fails midway through an envelope', () => {
    it('should cut the connection so the client sees an incomplete answer', async () => {
      const onError = vi.fn();
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': '200000',
          });
          res.write(`{"Response":{"Data":"${'x'.repeat(100_000)}`);
          setTimeout(() => res.socket?.destroy(), 20);
        }),
      );
      const seen = await observe(gatewayApp(express, up.url, { onError }));
      expect(seen.status).toBe(200);
      expect(seen.complete).toBe(false);
      await vi.waitFor(() => expect(onError).toHaveBeenCalled());
      expect(onError.mock.calls[0]?.[1]).toMatchObject({
        afterHeadersSent: true,
      });
    });
  });

  describe('when the upstream goes silent midway through an envelope', () => {
    it('should cut the connection after the timeout', async () => {
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/json' });
          res.write(`{"Response":{"Data":"${'x'.repeat(100_000)}`);
        }),
      );
      const app = gatewayApp(express, up.url, { proxy: { timeout: 150 } });
      const seen = await observe(app);
      expect(seen.complete).toBe(false);
    });
  });

  describe('when the upstream fails before its answer is complete', () => {
    it('should answer ServiceUnavailable while nothing has been sent', async () => {
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(200, {
            'Content-Type': 'application/json',
            'Content-Length': '1000',
          });
          res.write('{"Response":{');
          setTimeout(() => res.socket?.destroy(), 20);
        }),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expectError(res, 'ServiceUnavailable');
    });
  });
});

describe('tcapiProxy()', () => {
  it('should leave the Host header as the client sent it', () => {
    expect(tcapiProxy({ target: 'http://127.0.0.1:3000' }).changeOrigin).toBe(
      false,
    );
  });

  it.each([
    [undefined, 'needs options'],
    [{}, 'must be an http: or https: URL'],
    [{ target: 'ftp://10.0.0.2' }, 'must be an http: or https: URL'],
    [{ target: 'not a url' }, 'must be an http: or https: URL'],
    [{ target: 'http://a', timeout: 0 }, 'option `timeout`'],
    [{ target: 'http://a', timeout: 1.5 }, 'option `timeout`'],
    [{ target: 'http://a', gatewaySecret: 'short' }, 'at least 16 characters'],
    [{ target: 'http://a', pathFilter: '/api' }, 'has no option `pathFilter`'],
  ])('should refuse %j at set-up', (options, message) => {
    expect(() => tcapiProxy(options as never)).toThrow(TypeError);
    expect(() => tcapiProxy(options as never)).toThrow(message);
  });

  it('should accept a URL object as the target', () => {
    const target = new URL('http://10.0.0.2:3000');
    expect(tcapiProxy({ target }).target).toBe('http://10.0.0.2:3000/');
  });
});
