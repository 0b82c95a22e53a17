import { describe, expect, it } from 'vitest';
import { actionRouter, tcapi, tcapiFinish } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { CREDENTIALS, protocolApp } from './helpers/protocol-app.js';
import { tc3Get, tc3Post, v1Get, v1Post } from './helpers/protocol-requests.js';

// One service in several versions, and several services in one app.

const OLD = '2017-03-12';
const NEW = '2022-09-01';

function versionedApp(express: ExpressFactory) {
  return protocolApp(express, {
    credentials: CREDENTIALS,
    versions: {
      [OLD]: { DescribeInstances: () => ({ Served: OLD }) },
      [NEW]: {
        DescribeInstances: () => ({ Served: NEW }),
        DescribeZones: () => ({ ZoneSet: [] }),
      },
    },
  });
}

function servicesApp(express: ExpressFactory) {
  const app = express();
  app.use(tcapi());
  app.use(
    '/cvm',
    actionRouter({
      credentials: CREDENTIALS,
      versions: { [OLD]: { DescribeInstances: () => ({ Service: 'cvm' }) } },
    }),
  );
  app.use(
    '/hunyuan',
    actionRouter({
      credentials: CREDENTIALS,
      versions: {
        '2023-09-01': { ChatCompletions: () => ({ Service: 'hunyuan' }) },
      },
    }),
  );
  app.use(tcapiFinish());
  return app;
}

const hunyuan = {
  action: 'ChatCompletions',
  version: '2023-09-01',
  service: 'hunyuan',
};

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter() with several versions', () => {
    describe.each([[OLD], [NEW]])(
      'when a request names version %s',
      (version) => {
        it('should run that version of the action', async () => {
          const res = await tc3Post(versionedApp(express), '{}', { version });
          const rid = expectEnvelope(res);
          expect(res.body).toEqual({
            Response: { Served: version, RequestId: rid },
          });
        });
      },
    );

    describe('when an action exists only in the newer version', () => {
      it('should run it in that version', async () => {
        const res = await v1Get(versionedApp(express), {
          Action: 'DescribeZones',
          Version: NEW,
        });
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { ZoneSet: [], RequestId: rid } });
      });

      it('should answer InvalidAction in the older one', async () => {
        const res = await tc3Post(versionedApp(express), '{}', {
          action: 'DescribeZones',
          version: OLD,
        });
        expectError(res, 'InvalidAction', 200);
      });
    });

    describe('when a request names a version not served', () => {
      it('should answer NoSuchVersion', async () => {
        const res = await tc3Post(versionedApp(express), '{}', {
          version: '2020-01-01',
        });
        expectError(
          res,
          'NoSuchVersion',
          200,
          'The request `Version` is invalid or not found.',
        );
      });
    });
  });

  describe('actionRouter() mounted for several services', () => {
    describe('when each service is called at its own path', () => {
      it('should answer cvm actions at /cvm', async () => {
        const res = await tc3Post(servicesApp(express), '{}', { path: '/cvm' });
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Service: 'cvm', RequestId: rid },
        });
      });

      it('should answer hunyuan actions at /hunyuan', async () => {
        const res = await tc3Post(servicesApp(express), '{}', {
          ...hunyuan,
          path: '/hunyuan',
        });
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Service: 'hunyuan', RequestId: rid },
        });
      });
    });

    describe('when an action is sent to the other service', () => {
      it('should answer InvalidAction', async () => {
        const res = await tc3Post(servicesApp(express), '{}', {
          action: 'ChatCompletions',
          version: OLD,
          path: '/cvm',
        });
        expectError(res, 'InvalidAction', 200);
      });

      it('should answer NoSuchVersion for the other service version', async () => {
        const res = await tc3Post(servicesApp(express), '{}', {
          ...hunyuan,
          path: '/cvm',
        });
        expectError(res, 'NoSuchVersion', 200);
      });
    });

    describe('when the path has a trailing slash, as the Node SDK sends it', () => {
      it('should answer at /hunyuan/ signed over the real path', async () => {
        const res = await tc3Post(servicesApp(express), '{}', {
          ...hunyuan,
          path: '/hunyuan/',
          signedUri: '/hunyuan/',
        });
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { Service: 'hunyuan', RequestId: rid },
        });
      });

      it('should answer a TC3 GET signed over the real path', async () => {
        const res = await tc3Get(servicesApp(express), 'Stream=false', {
          ...hunyuan,
          path: '/hunyuan/',
          signedUri: '/hunyuan/',
        });
        expectEnvelope(res);
      });

      it('should answer a v1 POST signed over the real path', async () => {
        const res = await v1Post(
          servicesApp(express),
          { Action: hunyuan.action, Version: hunyuan.version },
          { path: '/hunyuan/' },
        );
        expectEnvelope(res);
      });
    });

    describe('when a TC3 signature covers / rather than the real path', () => {
      it('should verify it too, as Python, Go and Java sign', async () => {
        const res = await tc3Post(servicesApp(express), '{}', {
          ...hunyuan,
          path: '/hunyuan',
        });
        expectEnvelope(res);
      });
    });

    describe('when a TC3 signature covers another real path', () => {
      it('should answer AuthFailure.SignatureFailure', async () => {
        const res = await tc3Post(servicesApp(express), '{}', {
          ...hunyuan,
          path: '/hunyuan/',
          signedUri: '/cvm/',
        });
        expectError(res, 'AuthFailure.SignatureFailure', 200);
      });
    });

    describe('when a path is below a service', () => {
      it('should fall through to InvalidAction', async () => {
        const res = await tc3Post(servicesApp(express), '{}', {
          path: '/cvm/extra',
        });
        expectError(res, 'InvalidAction', 200);
      });
    });
  });
});
