import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { requestIdOf, type TcapiOptions } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectEnvelope,
  tcapiApp,
} from './helpers/express-versions.js';

// A tab is the one control character Node's HTTP parser lets through;
// the others are refused with a 400 before any middleware runs.
const UNSAFE_IDS: ReadonlyArray<readonly [string, string]> = [
  ['too long', 'a'.repeat(65)],
  ['with a control character', 'abc\tdef'],
  ['with a space', 'abc def'],
  ['with non-ASCII letters', 'caf\u00e9-1'],
  ['starting with a dash', '-abc'],
];

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  // Answers the ids the app saw, so the test can compare them.
  const echoApp = (options?: TcapiOptions, parseJson = false) =>
    tcapiApp(
      express,
      (a) => {
        if (parseJson) a.use(express.json());
        a.post('/', (req, res) => {
          res.json({
            ReqId: (req as { id?: unknown }).id,
            IdOf: requestIdOf(req),
          });
        });
      },
      options,
    );

  describe('tcapi()', () => {
    describe('when a request comes in', () => {
      it('should give it a fresh UUID v4, the same in header and body', async () => {
        const res = await request(echoApp()).post('/');
        const rid = expectEnvelope(res);
        expect(rid).toMatch(UUID_V4);
      });

      it('should give every request a different id', async () => {
        const app = echoApp();
        const ids = new Set<string>();
        for (let i = 0; i < 5; i += 1) {
          ids.add(expectEnvelope(await request(app).post('/')));
        }
        expect(ids.size).toBe(5);
      });

      it('should put the same id on req.id and requestIdOf(req)', async () => {
        const res = await request(echoApp()).post('/');
        const rid = expectEnvelope(res);
        expect(res.body.Response.ReqId).toBe(rid);
        expect(res.body.Response.IdOf).toBe(rid);
      });

      it('should keep that id when express.json() parsed a body', async () => {
        const res = await request(echoApp(undefined, true))
          .post('/')
          .send({ Limit: 1 });
        const rid = expectEnvelope(res);
        expect(res.body.Response.ReqId).toBe(rid);
        expect(res.body.Response.IdOf).toBe(rid);
      });
    });

    describe('when the caller sends X-TC-RequestId by default', () => {
      it('should ignore it', async () => {
        const res = await request(echoApp())
          .post('/')
          .set('X-TC-RequestId', 'caller-1');
        const rid = expectEnvelope(res);
        expect(rid).not.toBe('caller-1');
      });
    });

    describe('when trustRequestId is true', () => {
      it('should reuse a safe incoming id everywhere', async () => {
        const id = 'gw-2024.06:abc_1';
        const res = await request(echoApp({ trustRequestId: true }))
          .post('/')
          .set('X-TC-RequestId', id);
        expect(res.headers['x-tc-requestid']).toBe(id);
        expect(res.body.Response).toEqual({
          ReqId: id,
          IdOf: id,
          RequestId: id,
        });
        expect(res.headers['content-type']).toBe('application/json');
      });

      it.each(UNSAFE_IDS)(
        'should replace an id %s by a fresh UUID',
        async (_kind, id) => {
          const res = await request(echoApp({ trustRequestId: true }))
            .post('/')
            .set('X-TC-RequestId', id);
          const rid = expectEnvelope(res);
          expect(res.body.Response.ReqId).toBe(rid);
        },
      );
    });

    describe('when trustRequestId is a function', () => {
      const fromGateway: TcapiOptions = {
        trustRequestId: (req) => req.headers['x-gateway'] === 'yes',
      };

      it('should reuse the id of a request it approves', async () => {
        const res = await request(echoApp(fromGateway))
          .post('/')
          .set('X-Gateway', 'yes')
          .set('X-TC-RequestId', 'gw-1');
        expect(res.headers['x-tc-requestid']).toBe('gw-1');
        expect(res.body.Response.RequestId).toBe('gw-1');
      });

      it('should give a fresh id to a request it does not approve', async () => {
        const res = await request(echoApp(fromGateway))
          .post('/')
          .set('X-TC-RequestId', 'gw-1');
        const rid = expectEnvelope(res);
        expect(rid).not.toBe('gw-1');
      });

      it('should give a fresh id when it throws', async () => {
        const throwing: TcapiOptions = {
          trustRequestId: () => {
            throw new Error('policy bug');
          },
        };
        const res = await request(echoApp(throwing))
          .post('/')
          .set('X-TC-RequestId', 'gw-1');
        const rid = expectEnvelope(res);
        expect(rid).not.toBe('gw-1');
      });

      it('should give a fresh id when it returns a truthy non-boolean', async () => {
        const loose = {
          trustRequestId: () => 'yes',
        } as unknown as TcapiOptions;
        const res = await request(echoApp(loose))
          .post('/')
          .set('X-TC-RequestId', 'gw-1');
        const rid = expectEnvelope(res);
        expect(rid).not.toBe('gw-1');
      });
    });

    describe('when the caller sends X-TC-TraceId', () => {
      it('should echo a safe one', async () => {
        const trace = '5a1f0a4e-3c1d-4f55-9d1c-0a2b3c4d5e6f';
        const res = await request(echoApp())
          .post('/')
          .set('X-TC-TraceId', trace);
        expectEnvelope(res);
        expect(res.headers['x-tc-traceid']).toBe(trace);
      });

      it.each(UNSAFE_IDS)('should not echo one %s', async (_kind, trace) => {
        const res = await request(echoApp())
          .post('/')
          .set('X-TC-TraceId', trace);
        expectEnvelope(res);
        expect(res.headers['x-tc-traceid']).toBeUndefined();
      });
    });

    describe('when the response is streamed with res.write()', () => {
      it('should have sent X-TC-RequestId with the first chunk', async () => {
        let seen: string | undefined;
        const app = tcapiApp(express, (a) => {
          a.get('/stream', (req, res) => {
            seen = requestIdOf(req);
            res.setHeader('Content-Type', 'text/event-stream');
            res.write('data: {"Part":1}\n\n');
            setTimeout(() => res.end('data: {"Part":2}\n\n'), 5);
          });
        });
        const res = await request(app).get('/stream').buffer(true);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/event-stream');
        expect(res.headers['x-tc-requestid']).toMatch(UUID_V4);
        expect(res.headers['x-tc-requestid']).toBe(seen);
        expect(res.text).toBe('data: {"Part":1}\n\ndata: {"Part":2}\n\n');
      });
    });
  });
});
