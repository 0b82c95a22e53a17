import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiError, asyncHandler } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  express5,
  tcapiApp,
} from './helpers/express-versions.js';

// A hang must fail the test well before the suite's own timeout.
const HANG = { response: 2_000, deadline: 3_000 };

const notFound = async (): Promise<never> => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  throw new ApiError('ResourceNotFound', 'instance ins-1 not found');
};

const exactBody = (rid: string) =>
  `{"Response":{"Error":{"Code":"ResourceNotFound","Message":"instance ins-1 not found"},"RequestId":"${rid}"}}`;

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('asyncHandler()', () => {
    describe('when the handler rejects with an ApiError', () => {
      it('should answer its envelope, not hang', async () => {
        const app = tcapiApp(express, (a) =>
          a.post('/', asyncHandler(notFound)),
        );
        const res = await request(app).post('/').timeout(HANG);
        const rid = expectEnvelope(res);
        expect(res.text).toBe(exactBody(rid));
      });
    });

    describe('when the handler resolves after answering', () => {
      it('should leave the answer alone', async () => {
        const app = tcapiApp(express, (a) => {
          a.post(
            '/',
            asyncHandler(async (_req, res) => {
              res.json({ TotalCount: 2 });
              return 'ignored';
            }),
          );
        });
        const res = await request(app).post('/').timeout(HANG);
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { TotalCount: 2, RequestId: rid },
        });
      });
    });

    describe('when the handler calls next()', () => {
      it('should move on to the next route', async () => {
        const app = tcapiApp(express, (a) => {
          a.post(
            '/',
            asyncHandler(async (_req, _res, next) => next()),
          );
          a.post('/', (_req, res) => res.json({ Second: true }));
        });
        const res = await request(app).post('/').timeout(HANG);
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Second: true, RequestId: rid },
        });
      });
    });

    describe('when the handler is not async', () => {
      it('should answer what it sends', async () => {
        const app = tcapiApp(express, (a) => {
          a.post(
            '/',
            asyncHandler((_req, res) => res.json([1])),
          );
        });
        const res = await request(app).post('/').timeout(HANG);
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Data: [1], RequestId: rid } });
      });
    });

    describe('when it wraps a handler', () => {
      it('should return a named three-parameter middleware', () => {
        const wrapped = asyncHandler(notFound);
        expect(wrapped.name).toBe('tcapiAsyncHandler');
        expect(wrapped.length).toBe(3);
      });
    });
  });
});

describe('Express 5', () => {
  describe('an async route without asyncHandler()', () => {
    describe('when it rejects with an ApiError', () => {
      it('should answer its envelope, not hang', async () => {
        const app = tcapiApp(express5, (a) => a.post('/', notFound));
        const res = await request(app).post('/').timeout(HANG);
        const rid = expectEnvelope(res);
        expect(res.text).toBe(exactBody(rid));
      });
    });
  });
});

describe('the source', () => {
  const srcDir = fileURLToPath(new URL('../src', import.meta.url));
  const files = (readdirSync(srcDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(srcDir, file));

  it('should have files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('should not import Express internals (express/lib/*)', () => {
    const offenders = files.filter((file) =>
      /['"]express\/lib\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
