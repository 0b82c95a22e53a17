import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { ApiError } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

const HUGE = 18446744073709551615n; // 2^64 - 1, far beyond 2^53

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('res.json()', () => {
    describe('when the result holds a BigInt', () => {
      it('should write a small one as an exact JSON number', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => res.json({ DiskSize: 10n }));
        });
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(
          `{"Response":{"DiskSize":10,"RequestId":"${rid}"}}`,
        );
      });

      it('should write a 2^64-scale one exactly in the raw text', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => res.json({ Usage: [HUGE] }));
        });
        const res = await request(app).post('/');
        expectEnvelope(res);
        expect(res.text).toContain('"Usage":[18446744073709551615]');
      });

      it('should write it as a string with bigint: string', async () => {
        const app = tcapiApp(
          express,
          (a) =>
            a.post('/', (_req, res) =>
              res.json({ DiskSize: 10n, Usage: HUGE }),
            ),
          { bigint: 'string' },
        );
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(
          `{"Response":{"DiskSize":"10","Usage":"18446744073709551615","RequestId":"${rid}"}}`,
        );
      });
    });

    describe('when the result is circular', () => {
      it('should answer InternalError with the generic message', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => {
            const node: Record<string, unknown> = { Name: 'loop' };
            node.Self = node;
            res.json(node);
          });
        });
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
        expect(res.text).not.toContain('loop');
      });

      it('should answer 500 in semantic mode', async () => {
        const app = tcapiApp(
          express,
          (a) => {
            a.post('/', (_req, res) => {
              const list: unknown[] = [];
              list.push(list);
              res.json({ List: list });
            });
          },
          { httpStatus: 'semantic' },
        );
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 500);
      });
    });

    describe('when reading the result throws', () => {
      it('should answer InternalError without the thrown text', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) => {
            const result = {
              get Secret(): string {
                throw new Error('vault token s3cr3t');
              },
            };
            res.json(result);
          });
        });
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
        expect(res.text).not.toContain('s3cr3t');
      });
    });

    describe('when the result has a toJSON method', () => {
      it('should wrap what toJSON returns', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', (_req, res) =>
            res.json({ toJSON: () => ({ TotalCount: 3 }) }),
          );
        });
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { TotalCount: 3, RequestId: rid },
        });
      });
    });
  });

  describe('an ApiError', () => {
    describe('when extra properties hold a BigInt and a cycle', () => {
      it('should keep its code and message and send no extra property', async () => {
        const app = tcapiApp(express, (a) => {
          a.post('/', () => {
            const error = new ApiError('ResourceInUse', 'The disk is in use.');
            Object.assign(error, {
              diskSize: 10n,
              details: { owner: 'db-primary' },
            });
            Object.assign(error, { self: error });
            throw error;
          });
        });
        const res = await request(app).post('/');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(
          `{"Response":{"Error":{"Code":"ResourceInUse","Message":"The disk is in use."},"RequestId":"${rid}"}}`,
        );
      });
    });
  });
});
