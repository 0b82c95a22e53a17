import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, asyncHandler } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectEnvelope,
  tcapiApp,
} from './helpers/express-versions.js';

interface Observed {
  status: number | undefined;
  requestId: unknown;
  body: string;
  complete: boolean;
  aborted: boolean;
  error: Error | undefined;
}

/** One GET against a real server, watching how the response ends. */
async function observe(app: Express): Promise<Observed> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<Observed>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/' }, (res) => {
        const seen: Observed = {
          status: res.statusCode,
          requestId: res.headers['x-tc-requestid'],
          body: '',
          complete: false,
          aborted: false,
          error: undefined,
        };
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (seen.body += chunk));
        res.on('aborted', () => (seen.aborted = true));
        res.on('error', (error) => (seen.error = error));
        res.on('close', () => resolve({ ...seen, complete: res.complete }));
      });
      req.on('error', reject);
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const partialThenFail = (failure: unknown, onError = vi.fn()) =>
    tcapiApp(
      express,
      (a) => {
        a.get('/', (_req, res, next) => {
          res.setHeader('Content-Type', 'text/plain');
          res.write('first half|');
          setTimeout(() => next(failure), 5);
        });
      },
      { onError },
    );

  describe('tcapiErrorHandler()', () => {
    describe('when the response has started before next(err)', () => {
      it('should cut the connection so the body is visibly incomplete', async () => {
        const seen = await observe(
          partialThenFail(new Error('disk read failed')),
        );
        expect(seen.status).toBe(200);
        expect(seen.body).toBe('first half|');
        expect(seen.complete).toBe(false);
        expect(seen.aborted || seen.error !== undefined).toBe(true);
      });

      it('should have sent X-TC-RequestId on the early headers', async () => {
        const seen = await observe(
          partialThenFail(new Error('disk read failed')),
        );
        expect(seen.requestId).toMatch(UUID_V4);
      });

      it('should write no envelope after the partial body', async () => {
        const seen = await observe(
          partialThenFail(new Error('disk read failed')),
        );
        expect(seen.body).not.toContain('Response');
      });

      it('should tell onError with the id and afterHeadersSent', async () => {
        const onError = vi.fn();
        const failure = new Error('disk read failed');
        const seen = await observe(partialThenFail(failure, onError));
        expect(onError).toHaveBeenCalledTimes(1);
        expect(onError).toHaveBeenCalledWith(failure, {
          requestId: seen.requestId,
          code: 'InternalError',
          req: expect.anything(),
          afterHeadersSent: true,
        });
      });

      it('should tell onError about a client error too', async () => {
        const onError = vi.fn();
        await observe(
          partialThenFail(new ApiError('InvalidParameter'), onError),
        );
        expect(onError).toHaveBeenCalledWith(
          expect.any(ApiError),
          expect.objectContaining({
            code: 'InvalidParameter',
            afterHeadersSent: true,
          }),
        );
      });
    });

    describe('when an async handler rejects after writing', () => {
      it('should cut the connection and keep serving', async () => {
        const app = tcapiApp(express, (a) => {
          a.get(
            '/',
            asyncHandler(async (_req, res) => {
              res.write('partial');
              throw new Error('late');
            }),
          );
          a.post('/', (_req, res) => res.json({ Alive: true }));
        });
        const seen = await observe(app);
        expect(seen.complete).toBe(false);
        const next = await request(app).post('/');
        const rid = expectEnvelope(next);
        expect(next.body).toEqual({
          Response: { Alive: true, RequestId: rid },
        });
      });
    });
  });

  describe('res.json()', () => {
    describe('when called twice', () => {
      it('should keep the first answer and not crash', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => {
            res.json({ First: 1 });
            res.json({ Second: 2 });
          });
        });
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { First: 1, RequestId: rid } });
        const again = await request(app).post('/');
        expectEnvelope(again);
      });
    });

    describe('when called after a partial res.write()', () => {
      const app = (onError = vi.fn()) =>
        tcapiApp(
          express,
          (a) => {
            a.get('/', (_req, res) => {
              res.write('partial');
              setTimeout(() => res.json({ Late: true }), 5);
            });
          },
          { onError },
        );

      it('should cut the connection rather than leave it hanging', async () => {
        const seen = await observe(app());
        expect(seen.complete).toBe(false);
        expect(seen.body).toBe('partial');
      });

      it('should tell onError with afterHeadersSent', async () => {
        const onError = vi.fn();
        const seen = await observe(app(onError));
        expect(onError).toHaveBeenCalledWith(
          expect.objectContaining({
            message: expect.stringContaining('after'),
          }),
          expect.objectContaining({
            requestId: seen.requestId,
            afterHeadersSent: true,
          }),
        );
      });
    });
  });
});
