import type { Express, Response } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

const SEMANTIC: TcapiOptions = { httpStatus: 'semantic' };

describe.each(EXPRESS_VERSIONS)('%s', (name, express) => {
  const answering = (
    respond: (res: Response) => void,
    options?: TcapiOptions,
  ): Express =>
    tcapiApp(express, (a) => a.post('/', (_req, res) => respond(res)), options);

  describe('res.status(4xx/5xx).json(body)', () => {
    describe('when the status is 404 and the body has its own message', () => {
      const respond = (res: Response) => res.status(404).json({ message: 'x' });

      it('should answer ResourceNotFound with the default message on 200', async () => {
        const res = await request(answering(respond)).post('/');
        expectError(
          res,
          'ResourceNotFound',
          200,
          'The resource does not exist.',
        );
      });

      it('should answer 404 in semantic mode', async () => {
        const res = await request(answering(respond, SEMANTIC)).post('/');
        expectError(
          res,
          'ResourceNotFound',
          404,
          'The resource does not exist.',
        );
      });

      it('should answer the default message in Chinese for X-TC-Language: zh-CN', async () => {
        const res = await request(answering(respond))
          .post('/')
          .set('X-TC-Language', 'zh-CN');
        expectError(res, 'ResourceNotFound', 200, '资源不存在。');
      });
    });

    describe('when the status is 404 and the result goes through res.send(object)', () => {
      it('should answer ResourceNotFound', async () => {
        const res = await request(
          answering((r) => r.status(404).send({ A: 1 })),
        ).post('/');
        expectError(
          res,
          'ResourceNotFound',
          200,
          'The resource does not exist.',
        );
      });
    });

    describe('when the status is 500', () => {
      const respond = (res: Response) =>
        res.status(500).json({ stack: 'at db.js:1' });

      it('should answer InternalError with the generic message', async () => {
        const res = await request(answering(respond)).post('/');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
        expect(res.text).not.toContain('db.js');
      });

      it('should answer 500 in semantic mode', async () => {
        const res = await request(answering(respond, SEMANTIC)).post('/');
        expectError(res, 'InternalError', 500);
      });
    });

    describe('when the status is 429 and there is no body', () => {
      const respond = (res: Response) => res.status(429).json();

      it('should answer RequestLimitExceeded on 200', async () => {
        const res = await request(answering(respond)).post('/');
        expectError(res, 'RequestLimitExceeded', 200);
      });

      it('should answer 429 with Retry-After in semantic mode', async () => {
        const res = await request(answering(respond, SEMANTIC)).post('/');
        expectError(res, 'RequestLimitExceeded', 429);
        expect(res.headers['retry-after']).toBe('1');
      });
    });
  });

  describe('res.sendStatus() with a status that has no envelope', () => {
    describe.each([[100], [99], [103]])('when the status is %i', (status) => {
      it('should answer InternalError promptly', async () => {
        const res = await request(answering((r) => r.sendStatus(status)))
          .post('/')
          .timeout(2000);
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
      });

      it('should answer 500 promptly in semantic mode', async () => {
        const res = await request(
          answering((r) => r.sendStatus(status), SEMANTIC),
        )
          .post('/')
          .timeout(2000);
        expectError(res, 'InternalError', 500);
      });
    });
  });

  describe('a success result under a status that is not one in semantic mode', () => {
    describe.each([[302], [301], [205], [101]])(
      'when res.status(%i).json({A: 1})',
      (status) => {
        it('should answer the success envelope on 200', async () => {
          const res = await request(
            answering((r) => r.status(status).json({ A: 1 }), SEMANTIC),
          )
            .post('/')
            .redirects(0)
            .timeout(2000);
          const rid = expectEnvelope(res, 200);
          expect(res.body).toEqual({ Response: { A: 1, RequestId: rid } });
          expect(res.headers.location).toBeUndefined();
        });
      },
    );

    describe('when res.status(201).json({A: 1})', () => {
      it('should keep 201', async () => {
        const res = await request(
          answering((r) => r.status(201).json({ A: 1 }), SEMANTIC),
        ).post('/');
        const rid = expectEnvelope(res, 201);
        expect(res.body).toEqual({ Response: { A: 1, RequestId: rid } });
      });
    });
  });

  describe('a status of 1000 set in a plain handler', () => {
    // Express 5's res.status() refuses 1000 (see below); Express 4's takes
    // it, as does a direct assignment on both.
    const set1000 = (r: Response) => {
      if (name === 'Express 4') r.status(1000);
      else r.statusCode = 1000;
    };

    describe.each([
      ['compatible', undefined],
      ['semantic', SEMANTIC],
    ] as const)(
      'when res.json({A: 1}) follows, in %s mode',
      (_mode, options) => {
        it('should answer the success envelope on 200', async () => {
          const app = answering((r) => {
            set1000(r);
            r.json({ A: 1 });
          }, options);
          const res = await request(app).post('/').timeout(2000);
          const rid = expectEnvelope(res, 200);
          expect(res.body).toEqual({ Response: { A: 1, RequestId: rid } });
        });

        it('should leave the server answering the next request', async () => {
          const app = answering((r) => {
            set1000(r);
            r.json({ A: 1 });
          }, options);
          await request(app).post('/').timeout(2000);
          const res = await request(app).post('/').timeout(2000);
          expectEnvelope(res, 200);
        });
      },
    );

    if (name === 'Express 5') {
      describe('when res.status(1000) itself is called', () => {
        it('should answer InternalError for the RangeError Express throws', async () => {
          const res = await request(
            answering((r) => r.status(1000).json({ A: 1 })),
          ).post('/');
          expectError(res, 'InternalError', 200, 'An internal error occurred.');
        });
      });
    }
  });
});
