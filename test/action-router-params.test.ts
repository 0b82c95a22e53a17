import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { actionRouter, tcapiFinish } from 'express-tcapi';
import { actionApp, callAction, VERSION } from './helpers/action-app.js';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
} from './helpers/express-versions.js';

// Answers its parameters, so tests can see what the router read.
const echo = {
  Echo: (params: Record<string, unknown>) => ({ Params: params }),
};

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter()', () => {
    describe.each([['[1,2]'], ['"text"'], ['3'], ['null']])(
      'when the body is %s, not an object',
      (body) => {
        it('should answer InvalidParameter', async () => {
          const res = await callAction(actionApp(express, echo), 'Echo', body);
          expectError(
            res,
            'InvalidParameter',
            200,
            'The request body must be a JSON object.',
          );
        });
      },
    );

    describe('when the body is malformed JSON', () => {
      it('should answer InvalidParameter saying so, without the body', async () => {
        const res = await callAction(
          actionApp(express, echo),
          'Echo',
          '{"Limit":',
        );
        expectError(
          res,
          'InvalidParameter',
          200,
          'The request body is not valid JSON.',
        );
        expect(res.text).not.toContain('Limit');
      });
    });

    describe('when the body is over bodyLimit', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const body = JSON.stringify({ Name: 'x'.repeat(2048) });
        const res = await callAction(actionApp(express, echo), 'Echo', body);
        expectError(res, 'RequestSizeLimitExceeded', 200);
      });
    });

    describe('when there is no body', () => {
      it('should give the handler empty parameters', async () => {
        const res = await request(actionApp(express, echo))
          .post('/')
          .set('X-TC-Action', 'Echo')
          .set('X-TC-Version', VERSION);
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Params: {}, RequestId: rid } });
      });
    });

    describe('when express.json() ran before the router', () => {
      it('should use the body it parsed', async () => {
        const app = actionApp(express, echo, {
          before: (a) => a.use(express.json()),
        });
        const res = await callAction(app, 'Echo', '{"Limit":5}');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Params: { Limit: 5 }, RequestId: rid },
        });
      });

      it('should still answer malformed JSON with InvalidParameter', async () => {
        const app = actionApp(express, echo, {
          before: (a) => a.use(express.json()),
        });
        const res = await callAction(app, 'Echo', '{"Limit":');
        expectError(
          res,
          'InvalidParameter',
          200,
          'The request body is not valid JSON.',
        );
      });
    });

    describe('when the request is a GET', () => {
      it('should read the parameters from the query string', async () => {
        const res = await request(actionApp(express, echo))
          .get('/?Limit=5&Zone=ap-guangzhou-3')
          .set('X-TC-Action', 'Echo')
          .set('X-TC-Version', VERSION);
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: {
            Params: { Limit: '5', Zone: 'ap-guangzhou-3' },
            RequestId: rid,
          },
        });
      });
    });

    describe('when the path is not /', () => {
      it('should pass the request on to later routes', async () => {
        const app = express();
        app.use(actionRouter({ versions: { [VERSION]: echo } }));
        app.get('/health', (_req, res) => res.json({ Ok: true }));
        app.use(tcapiFinish());
        const res = await request(app)
          .get('/health')
          .set('X-TC-Action', 'Echo');
        expect(res.status).toBe(200);
        expect(res.body.Ok).toBe(true);
      });

      it('should end at the not-found fallback when nothing else matches', async () => {
        const res = await request(actionApp(express, echo))
          .post('/elsewhere')
          .set('X-TC-Action', 'Echo')
          .set('X-TC-Version', VERSION);
        expectError(res, 'InvalidAction', 200);
      });
    });

    describe('when tcapi() is not mounted', () => {
      it('should still answer envelopes with a fresh id', async () => {
        const app = express();
        app.use(actionRouter({ versions: { [VERSION]: echo } }));
        app.use(tcapiFinish());
        const ok = await callAction(app, 'Echo', '{"A":1}');
        const bad = await callAction(app, 'Nope');
        const rid = expectEnvelope(ok);
        expect(ok.body).toEqual({
          Response: { Params: { A: 1 }, RequestId: rid },
        });
        expectError(bad, 'InvalidAction', 200);
      });
    });
  });

  describe('actionRouter() misconfigured', () => {
    it('should throw a TypeError without versions', () => {
      expect(() => actionRouter({} as never)).toThrow(/needs `versions`/);
    });

    it('should throw a TypeError naming an action that is not a function', () => {
      const versions = { [VERSION]: { Broken: 'nope' } } as never;
      expect(() => actionRouter({ versions })).toThrow(
        /action `Broken` of version 2017-03-12/,
      );
    });
  });
});
