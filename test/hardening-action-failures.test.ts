import type { Express } from 'express';
import { describe, expect, it } from 'vitest';
import {
  ApiError,
  actionRouter,
  tcapi,
  tcapiFinish,
  type ErrorReport,
  type TcapiOptions,
} from 'express-tcapi';
import { callAction } from './helpers/action-app.js';
import {
  EXPRESS_VERSIONS,
  type ExpressFactory,
  expectError,
} from './helpers/express-versions.js';

type Reported = [unknown, ErrorReport];

const crash = new TypeError(
  "Cannot read properties of undefined (reading 'ins-secret')",
);

const ACTIONS = {
  Crash: () => {
    throw crash;
  },
  CrashLater: async () => {
    await Promise.resolve();
    throw crash;
  },
  Missing: () => {
    throw new ApiError('ResourceNotFound.InstanceNotFound', 'no ins-1');
  },
  // Results that cannot be sent: they fail after the handler returned.
  Cyclic: () => {
    const result: Record<string, unknown> = { A: 1 };
    result.Self = result;
    return result;
  },
  ErrorField: () => ({ A: 1, Error: { Code: 'x' } }),
  NotFoundStatus: (
    _params: unknown,
    context: { res: { status(code: number): unknown } },
  ) => {
    context.res.status(404);
    return { A: 1 };
  },
};

/**
 * `tcapi()` with its defaults before the router, and `finish` given to
 * `tcapiFinish()` alone after it: the options of the latter must apply.
 */
function app(
  express: ExpressFactory,
  finish: TcapiOptions,
  front?: TcapiOptions,
): Express {
  const a = express();
  a.use(tcapi(front));
  a.use(actionRouter({ versions: { '2017-03-12': ACTIONS } }));
  a.use(tcapiFinish(finish));
  return a;
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe("actionRouter() failures, with tcapiFinish({ httpStatus: 'semantic', onError })", () => {
    const semantic = () => {
      const reports: Reported[] = [];
      const onError = (error: unknown, report: ErrorReport) =>
        void reports.push([error, report]);
      return {
        reports,
        app: app(express, { httpStatus: 'semantic', onError }),
      };
    };

    describe('when the action is unknown', () => {
      it('should answer InvalidAction on 404', async () => {
        const res = await callAction(semantic().app, 'NoSuchAction');
        expectError(res, 'InvalidAction', 404);
      });

      it('should not call onError for a client error', async () => {
        const { app: a, reports } = semantic();
        await callAction(a, 'NoSuchAction');
        expect(reports).toEqual([]);
      });
    });

    describe('when the version is unknown', () => {
      it('should answer NoSuchVersion on 400', async () => {
        const res = await callAction(
          semantic().app,
          'Crash',
          '{}',
          '1999-01-01',
        );
        expectError(res, 'NoSuchVersion', 400);
      });
    });

    describe('when the action throws an ApiError', () => {
      it('should answer its code on its semantic status', async () => {
        const res = await callAction(semantic().app, 'Missing');
        expectError(res, 'ResourceNotFound.InstanceNotFound', 404, 'no ins-1');
      });
    });

    describe.each([['Crash'], ['CrashLater']])(
      'when the action %s throws TypeError',
      (action) => {
        it('should answer InternalError on 500 with the generic message', async () => {
          const res = await callAction(semantic().app, action);
          expectError(res, 'InternalError', 500, 'An internal error occurred.');
          expect(res.text).not.toContain('ins-secret');
        });

        it('should call onError once with the error and the request id', async () => {
          const { app: a, reports } = semantic();
          const res = await callAction(a, action);
          expectError(res, 'InternalError', 500);
          expect(reports).toHaveLength(1);
          const [error, report] = reports[0] as Reported;
          expect(error).toBe(crash);
          expect(report.requestId).toBe(res.body.Response.RequestId);
          expect(report.requestId).toBe(res.headers['x-tc-requestid']);
          expect(report).toMatchObject({
            code: 'InternalError',
            afterHeadersSent: false,
          });
        });
      },
    );
  });

  describe('actionRouter() results that cannot be sent, with a semantic tcapiFinish()', () => {
    describe.each([['Cyclic'], ['ErrorField']])(
      'when the action %s returns one',
      (action) => {
        it('should answer InternalError on 500', async () => {
          const reports: Reported[] = [];
          const onError = (error: unknown, report: ErrorReport) =>
            void reports.push([error, report]);
          const res = await callAction(
            app(express, { httpStatus: 'semantic', onError }),
            action,
          );
          expectError(res, 'InternalError', 500, 'An internal error occurred.');
        });

        it('should call onError with the request id', async () => {
          const reports: Reported[] = [];
          const onError = (error: unknown, report: ErrorReport) =>
            void reports.push([error, report]);
          const res = await callAction(
            app(express, { httpStatus: 'semantic', onError }),
            action,
          );
          expect(reports).toHaveLength(1);
          expect(reports[0]?.[1].requestId).toBe(res.body.Response.RequestId);
        });
      },
    );

    describe('when the action set status 404 on context.res and returned a result', () => {
      it('should answer ResourceNotFound on 404', async () => {
        const res = await callAction(
          app(express, { httpStatus: 'semantic' }),
          'NotFoundStatus',
        );
        expectError(res, 'ResourceNotFound', 404);
      });
    });
  });

  describe('actionRouter() failures in compatible mode', () => {
    describe('when the action is unknown', () => {
      it('should answer InvalidAction on 200', async () => {
        const res = await callAction(app(express, {}), 'NoSuchAction');
        expectError(res, 'InvalidAction', 200);
      });
    });

    describe('when the action throws a TypeError', () => {
      it('should answer InternalError on 200 and call onError with the id', async () => {
        const reports: Reported[] = [];
        const onError = (error: unknown, report: ErrorReport) =>
          void reports.push([error, report]);
        const res = await callAction(app(express, { onError }), 'Crash');
        expectError(res, 'InternalError', 200, 'An internal error occurred.');
        expect(reports).toHaveLength(1);
        expect(reports[0]?.[1].requestId).toBe(res.body.Response.RequestId);
      });
    });

    describe('when tcapi() is semantic and tcapiFinish() says compatible', () => {
      it('should answer on 200, as the handler after the router says', async () => {
        const a = app(
          express,
          { httpStatus: 'compatible' },
          { httpStatus: 'semantic' },
        );
        const unknown = await callAction(a, 'NoSuchAction');
        const crashed = await callAction(a, 'Crash');
        expectError(unknown, 'InvalidAction', 200);
        expectError(crashed, 'InternalError', 200);
      });
    });
  });
});
