import { describe, expect, it, vi } from 'vitest';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { FILTERS_SCHEMA, signedApp } from './helpers/protocol-app.js';
import { KEY, tc3Post, v1Get } from './helpers/protocol-requests.js';

// protocol.md section 3, steps 8 to 10: version, action, region and
// parameters are looked at only once the signature is good.

const missing = (name: string) =>
  `The request is missing a required parameter \`${name}\`.`;
const BAD_PARAMS = '{"Bogus":1}';

function dispatchApp(
  express: ExpressFactory,
  regions: readonly string[] | ((region: string) => boolean) = ['ap-guangzhou'],
) {
  const handler = vi.fn(() => ({ Ok: true }));
  const app = signedApp(
    express,
    {
      DescribeInstances: { params: FILTERS_SCHEMA, handler },
      DescribeLegacy: { retired: true },
    },
    { regions },
  );
  return { app, handler };
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter()', () => {
    describe('when an unsigned request names an unknown action', () => {
      it('should answer the signature error, not InvalidAction', async () => {
        const { app } = dispatchApp(express);
        const res = await tc3Post(app, '{}', {
          action: 'DescribeNothing',
          signer: null,
        });
        expectError(res, 'AuthFailure.InvalidAuthorization', 200);
      });

      it('should answer MissingParameter for a bare v1 request', async () => {
        const { app } = dispatchApp(express);
        const res = await v1Get(
          app,
          { Action: 'DescribeNothing' },
          { signer: null },
        );
        expectError(res, 'MissingParameter', 200, missing('SecretId'));
      });
    });

    describe('when a badly signed request names an unknown version', () => {
      it('should answer AuthFailure.SignatureFailure', async () => {
        const { app } = dispatchApp(express);
        const wrong = { ...KEY, secretKey: 'not-the-key' };
        const res = await tc3Post(app, '{}', {
          version: '2099-01-01',
          signer: wrong,
        });
        expectError(res, 'AuthFailure.SignatureFailure', 200);
      });
    });

    describe('when a signed request names an unknown version', () => {
      it('should answer NoSuchVersion', async () => {
        const { app } = dispatchApp(express);
        const res = await tc3Post(app, BAD_PARAMS, { version: '2099-01-01' });
        expectError(res, 'NoSuchVersion', 200);
      });
    });

    describe('when a signed request names an unknown action', () => {
      it('should answer InvalidAction', async () => {
        const { app } = dispatchApp(express);
        const res = await tc3Post(app, BAD_PARAMS, {
          action: 'DescribeNothing',
        });
        expectError(
          res,
          'InvalidAction',
          200,
          'The request `Action` is invalid or not found.',
        );
      });
    });

    describe('when a signed request names a retired action in another region', () => {
      it('should answer ActionOffline', async () => {
        const { app } = dispatchApp(express);
        const res = await tc3Post(app, BAD_PARAMS, {
          action: 'DescribeLegacy',
          region: 'ap-mars-1',
        });
        expectError(res, 'ActionOffline', 200);
      });
    });

    describe('when a signed request names a region not served', () => {
      it('should answer UnsupportedRegion', async () => {
        const { app, handler } = dispatchApp(express);
        const res = await tc3Post(app, BAD_PARAMS, { region: 'ap-mars-1' });
        expectError(res, 'UnsupportedRegion', 200);
        expect(handler).not.toHaveBeenCalled();
      });

      it('should not echo the region in the message', async () => {
        const { app } = dispatchApp(express);
        const res = await v1Get(app, { Region: 'ap-mars-1' });
        const message = expectError(res, 'UnsupportedRegion', 200);
        expect(message).not.toContain('ap-mars-1');
        expect(res.text).not.toContain('ap-mars-1');
      });

      it('should ask a regions function', async () => {
        const regions = vi.fn((region: string) => region.startsWith('ap-'));
        const { app } = dispatchApp(express, regions);
        const res = await tc3Post(app, '{}', { region: 'eu-frankfurt' });
        expectError(res, 'UnsupportedRegion', 200);
        expect(regions).toHaveBeenCalledWith('eu-frankfurt');
      });
    });

    describe('when a signed request has no region and regions are set', () => {
      it('should answer MissingParameter Region', async () => {
        const { app } = dispatchApp(express);
        const res = await tc3Post(app, BAD_PARAMS);
        expectError(res, 'MissingParameter', 200, missing('Region'));
      });
    });

    describe('when a signed request in a served region has an unknown parameter', () => {
      it('should answer UnknownParameter without running the action', async () => {
        const { app, handler } = dispatchApp(express);
        const res = await tc3Post(app, BAD_PARAMS, { region: 'ap-guangzhou' });
        expectError(
          res,
          'UnknownParameter',
          200,
          'The parameter `Bogus` is not recognized.',
        );
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when a signed request has a parameter of the wrong type', () => {
      it('should answer InvalidParameter', async () => {
        const { app, handler } = dispatchApp(express);
        const res = await v1Get(app, { Region: 'ap-guangzhou', Limit: 'many' });
        expectError(res, 'InvalidParameter', 200);
        expect(handler).not.toHaveBeenCalled();
      });
    });

    describe('when every check passes', () => {
      it('should run the action', async () => {
        const { app, handler } = dispatchApp(express);
        const res = await tc3Post(app, '{"Limit":1}', {
          region: 'ap-guangzhou',
        });
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({ Response: { Ok: true, RequestId: rid } });
        expect(handler).toHaveBeenCalledTimes(1);
      });
    });

    describe('when no regions are set', () => {
      it('should run the action without a region', async () => {
        const handler = vi.fn(() => ({}));
        const app = signedApp(express, { DescribeInstances: handler });
        expectEnvelope(await tc3Post(app));
        expect(handler).toHaveBeenCalledTimes(1);
      });
    });
  });
});
