import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { tcapi, tcapiFinish } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectError,
  tcapiApp,
} from './helpers/express-versions.js';

const OTHER_METHODS = ['put', 'delete', 'patch', 'options'] as const;

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  const routes = (a: ReturnType<typeof express>) => {
    a.get('/instances', (_req, res) => res.json({ TotalCount: 0 }));
  };

  describe('tcapiNotFound()', () => {
    describe('when no route matches a GET or POST', () => {
      it.each([['get'], ['post']] as const)(
        'should answer InvalidAction to %s',
        async (m) => {
          const res = await request(tcapiApp(express, routes))[m](
            '/nothing-here',
          );
          expectError(
            res,
            'InvalidAction',
            200,
            'The request `Action` is invalid or not found.',
          );
        },
      );

      it('should answer 404 in semantic mode', async () => {
        const app = tcapiApp(express, routes, { httpStatus: 'semantic' });
        const res = await request(app).get('/nothing-here');
        expectError(res, 'InvalidAction', 404);
      });
    });

    describe('when the path holds markup', () => {
      it('should not reflect the path into the body', async () => {
        const app = tcapiApp(express, routes);
        const res = await request(app).get(
          '/%3Cscript%3Ealert(1)%3C/script%3E?q=%3Cimg%3E',
        );
        expectError(res, 'InvalidAction', 200);
        expect(res.text).not.toMatch(/script|alert|img|</i);
      });
    });

    describe.each(OTHER_METHODS)('when the method is %s', (method) => {
      it('should answer UnsupportedProtocol', async () => {
        const res = await request(tcapiApp(express, routes))[method](
          '/nothing-here',
        );
        expectError(res, 'UnsupportedProtocol', 200);
        expect(res.headers.allow).toBeUndefined();
      });

      it('should answer it also on a path that has a GET route', async () => {
        const res = await request(tcapiApp(express, routes))[method](
          '/instances',
        );
        expectError(res, 'UnsupportedProtocol', 200);
      });

      it('should answer 405 with Allow in semantic mode', async () => {
        const app = tcapiApp(express, routes, { httpStatus: 'semantic' });
        const res = await request(app)[method]('/instances');
        expectError(res, 'UnsupportedProtocol', 405);
        expect(res.headers.allow).toBe('GET, POST');
      });

      it('should answer InvalidAction with restrictMethods: false', async () => {
        const app = tcapiApp(express, routes, {
          restrictMethods: false,
          httpStatus: 'semantic',
        });
        const res = await request(app)[method]('/nothing-here');
        expectError(res, 'InvalidAction', 404);
        expect(res.headers.allow).toBeUndefined();
      });
    });

    describe('when the method is HEAD', () => {
      it('should answer the InvalidAction headers without a body', async () => {
        const app = tcapiApp(express, routes, { httpStatus: 'semantic' });
        const res = await request(app).head('/nothing-here');
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toBe('application/json');
        expect(res.headers['x-tc-requestid']).toMatch(UUID_V4);
        expect(res.text ?? '').toBe('');
      });
    });
  });

  describe('tcapiFinish()', () => {
    describe('when tcapi() ran with restrictMethods: false', () => {
      it('should follow the options of tcapi(): InvalidAction', async () => {
        const app = express();
        app.use(tcapi({ restrictMethods: false }));
        app.use(tcapiFinish());
        const res = await request(app).put('/nothing-here');
        expectError(res, 'InvalidAction', 200);
      });
    });

    describe('when given options of its own after tcapi()', () => {
      it('should let them win over those of tcapi()', async () => {
        const app = express();
        app.use(tcapi());
        app.use(tcapiFinish({ httpStatus: 'semantic' }));
        const res = await request(app).put('/');
        expectError(res, 'UnsupportedProtocol', 405);
      });

      it('should keep the options of tcapi() it was not given', async () => {
        const app = express();
        app.use(tcapi({ restrictMethods: false }));
        app.use(tcapiFinish({ httpStatus: 'semantic' }));
        const res = await request(app).put('/');
        expectError(res, 'InvalidAction', 404);
      });
    });

    describe('when tcapi() is not mounted', () => {
      it('should answer with a fresh request id', async () => {
        const app = express();
        app.get('/', () => {
          throw new Error('boom');
        });
        app.use(tcapiFinish());
        const missing = await request(app).post('/nothing-here');
        const failed = await request(app).get('/');
        expectError(missing, 'InvalidAction', 200);
        expectError(
          failed,
          'InternalError',
          200,
          'An internal error occurred.',
        );
        expect(missing.body.Response.RequestId).not.toBe(
          failed.body.Response.RequestId,
        );
      });

      it('should use its own options', async () => {
        const app = express();
        app.use(tcapiFinish({ httpStatus: 'semantic' }));
        const res = await request(app).put('/');
        expectError(res, 'UnsupportedProtocol', 405);
      });
    });
  });
});
