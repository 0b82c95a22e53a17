import { describe, expect, it } from 'vitest';
import { checkDryRun } from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { expectChinese, signedApp } from './helpers/protocol-app.js';
import { tc3Get, tc3Post, v1Get, v1Post } from './helpers/protocol-requests.js';

// An action that accepts DryRun answers DryRunOperation once every check
// has passed, and changes nothing.

const DRY_RUN = 'The request would have succeeded, but DryRun was set.';

function dryRunApp(express: ExpressFactory) {
  const created: number[] = [];
  const app = signedApp(express, {
    RunInstances: {
      params: {
        type: 'object',
        properties: {
          InstanceCount: { type: 'integer', minimum: 1 },
          DryRun: { type: 'boolean' },
        },
        required: ['InstanceCount'],
      },
      handler: (params: { InstanceCount: number; DryRun?: boolean }) => {
        checkDryRun(params);
        created.push(params.InstanceCount);
        return { InstanceIdSet: ['ins-1'] };
      },
    },
  });
  return { app, created };
}

const run = { action: 'RunInstances' };

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter() with checkDryRun()', () => {
    describe('when a TC3 request sets DryRun: true', () => {
      it('should answer DryRunOperation', async () => {
        const { app, created } = dryRunApp(express);
        const res = await tc3Post(
          app,
          '{"InstanceCount":1,"DryRun":true}',
          run,
        );
        expectError(res, 'DryRunOperation', 200, DRY_RUN);
        expect(created).toEqual([]);
      });

      it('should answer in Chinese for zh-CN', async () => {
        const { app } = dryRunApp(express);
        const body = '{"InstanceCount":1,"DryRun":true}';
        const res = await tc3Post(app, body, { ...run, language: 'zh-CN' });
        expectChinese(expectError(res, 'DryRunOperation', 200), DRY_RUN);
      });
    });

    describe.each([
      [
        'a TC3 GET',
        (app: ReturnType<typeof signedApp>) =>
          tc3Get(app, 'InstanceCount=1&DryRun=true', run),
      ],
      [
        'a v1 GET',
        (app: ReturnType<typeof signedApp>) =>
          v1Get(app, {
            Action: 'RunInstances',
            InstanceCount: '1',
            DryRun: 'true',
          }),
      ],
      [
        'a v1 POST form',
        (app: ReturnType<typeof signedApp>) =>
          v1Post(app, {
            Action: 'RunInstances',
            InstanceCount: '1',
            DryRun: 'true',
          }),
      ],
    ])('when %s sets DryRun=true', (_form, send) => {
      it('should answer DryRunOperation', async () => {
        const { app, created } = dryRunApp(express);
        expectError(await send(app), 'DryRunOperation', 200, DRY_RUN);
        expect(created).toEqual([]);
      });
    });

    describe('when a dry run would fail a parameter check', () => {
      it('should answer the parameter error, not DryRunOperation', async () => {
        const { app } = dryRunApp(express);
        const res = await tc3Post(
          app,
          '{"InstanceCount":0,"DryRun":true}',
          run,
        );
        expectError(res, 'InvalidParameterValue', 200);
      });
    });

    describe('when DryRun is absent', () => {
      it('should run the action', async () => {
        const { app, created } = dryRunApp(express);
        const res = await tc3Post(app, '{"InstanceCount":2}', run);
        const rid = expectEnvelope(res);
        expect(res.body).toEqual({
          Response: { InstanceIdSet: ['ins-1'], RequestId: rid },
        });
        expect(created).toEqual([2]);
      });
    });

    describe('when DryRun is false', () => {
      it('should run the action', async () => {
        const { app, created } = dryRunApp(express);
        const res = await v1Get(app, {
          Action: 'RunInstances',
          InstanceCount: '3',
          DryRun: 'false',
        });
        expectEnvelope(res);
        expect(created).toEqual([3]);
      });
    });
  });
});
