import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ActionContext } from 'express-tcapi';
import { actionApp, callAction, VERSION } from './helpers/action-app.js';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
} from './helpers/express-versions.js';

const describeInstances = async () => ({ TotalCount: 0, InstanceSet: [] });

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter()', () => {
    describe('when X-TC-Action and X-TC-Version name a handler', () => {
      it('should answer its result as the success envelope', async () => {
        const app = actionApp(express, {
          DescribeInstances: describeInstances,
        });
        const res = await callAction(app, 'DescribeInstances', '{"Limit":1}');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(
          `{"Response":{"TotalCount":0,"InstanceSet":[],"RequestId":"${rid}"}}`,
        );
      });

      it('should give the handler its parameters and context', async () => {
        const handler = vi.fn(
          (_params: unknown, _context: ActionContext) => ({}),
        );
        const app = actionApp(express, { RunInstances: handler });
        const res = await callAction(app, 'RunInstances', '{"Count":2}').set(
          'X-TC-Region',
          'ap-guangzhou',
        );
        const rid = expectEnvelope(res);
        const [params, context] = handler.mock.calls[0] ?? [];
        expect(params).toEqual({ Count: 2 });
        expect(context).toMatchObject({
          action: 'RunInstances',
          version: VERSION,
          region: 'ap-guangzhou',
          requestId: rid,
          language: 'en-US',
        });
      });
    });

    describe('when the handler returns nothing', () => {
      it('should answer the RequestId alone', async () => {
        const app = actionApp(express, { StopInstances: () => undefined });
        const res = await callAction(app, 'StopInstances');
        const rid = expectEnvelope(res);
        expect(res.text).toBe(`{"Response":{"RequestId":"${rid}"}}`);
      });
    });

    describe('when the handler returns a promise', () => {
      it('should answer what it resolves to', async () => {
        const later = () =>
          new Promise((resolve) => setTimeout(() => resolve({ TaskId: 7 }), 5));
        const app = actionApp(express, { StartInstances: later });
        const res = await callAction(app, 'StartInstances');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { TaskId: 7, RequestId: rid } });
      });
    });

    describe('when the handler throws an ApiError', () => {
      it('should answer its envelope', async () => {
        const app = actionApp(express, {
          ResetInstance: async () => {
            throw new ApiError('ResourceNotFound.InstanceNotFound', 'no ins-1');
          },
        });
        const res = await callAction(app, 'ResetInstance');
        expectError(res, 'ResourceNotFound.InstanceNotFound', 200, 'no ins-1');
      });
    });

    describe('when the handler throws something else', () => {
      it('should answer InternalError with the generic message', async () => {
        const app = actionApp(express, {
          ResetInstance: () => {
            throw new Error('ECONNREFUSED 10.0.0.9:3306');
          },
        });
        const res = await callAction(app, 'ResetInstance');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
      });
    });

    describe('when the handler answers through res itself', () => {
      it('should not answer a second time', async () => {
        const app = actionApp(express, {
          Export: (_params, { res }) => {
            res.json({ Url: 'https://x' });
            return { Ignored: true };
          },
        });
        const res = await callAction(app, 'Export');
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Url: 'https://x', RequestId: rid },
        });
      });
    });

    describe.each([
      ['X-TC-Action', null, VERSION, 'Action'],
      ['X-TC-Version', 'DescribeInstances', null, 'Version'],
      ['a blank X-TC-Action', '  ', VERSION, 'Action'],
    ])('when %s is missing', (_header, action, version, name) => {
      it(`should answer MissingParameter naming \`${name}\``, async () => {
        const app = actionApp(express, {
          DescribeInstances: describeInstances,
        });
        const res = await callAction(app, action, '{}', version);
        expectError(
          res,
          'MissingParameter',
          200,
          `The request is missing a required parameter \`${name}\`.`,
        );
      });
    });

    describe.each([['2099-01-01'], ['constructor'], ['__proto__']])(
      'when the version is %s',
      (version) => {
        it('should answer NoSuchVersion', async () => {
          const app = actionApp(express, {
            DescribeInstances: describeInstances,
          });
          const res = await callAction(app, 'DescribeInstances', '{}', version);
          expectError(res, 'NoSuchVersion', 200);
        });
      },
    );

    describe.each([
      ['DescribeNothing'],
      ['constructor'],
      ['__proto__'],
      ['toString'],
    ])('when the action is %s', (action) => {
      it('should answer InvalidAction', async () => {
        const app = actionApp(express, {
          DescribeInstances: describeInstances,
        });
        const res = await callAction(app, action);
        expectError(
          res,
          'InvalidAction',
          200,
          'The request `Action` is invalid or not found.',
        );
      });

      it('should answer 404 in semantic mode', async () => {
        const app = actionApp(
          express,
          { DescribeInstances: describeInstances },
          { httpStatus: 'semantic' },
        );
        const res = await callAction(app, action);
        expectError(res, 'InvalidAction', 404);
      });
    });

    describe('when the method is PUT', () => {
      it('should answer UnsupportedProtocol', async () => {
        const app = actionApp(express, {
          DescribeInstances: describeInstances,
        });
        const res = await request(app)
          .put('/')
          .set('X-TC-Action', 'DescribeInstances')
          .set('X-TC-Version', VERSION);
        expectError(res, 'UnsupportedProtocol', 200);
      });

      it('should answer 405 with Allow in semantic mode', async () => {
        const app = actionApp(
          express,
          { DescribeInstances: describeInstances },
          { httpStatus: 'semantic' },
        );
        const res = await request(app).put('/');
        expectError(res, 'UnsupportedProtocol', 405);
        expect(res.headers.allow).toBe('GET, POST');
      });
    });

    describe('when the method is HEAD', () => {
      it('should not run the action', async () => {
        const handler = vi.fn(describeInstances);
        const app = actionApp(express, { DescribeInstances: handler });
        const res = await request(app)
          .head('/')
          .set('X-TC-Action', 'DescribeInstances')
          .set('X-TC-Version', VERSION);
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.text ?? '').toBe('');
        expect(handler).not.toHaveBeenCalled();
      });
    });
  });
});
