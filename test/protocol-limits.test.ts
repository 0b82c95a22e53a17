import { createServer } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { expectChinese, signedApp } from './helpers/protocol-app.js';
import { tc3Get, tc3Post, v1Get, v1Post } from './helpers/protocol-requests.js';

// The real service's limits (GET 32 KB, v1 form 1 MB, TC3 JSON 10 MB)
// are the defaults.

const KB = 1024;
const MB = 1024 * KB;

function defaultApp(express: ExpressFactory, httpStatus?: 'semantic') {
  const handler = vi.fn(() => ({ Ok: true }));
  const options = httpStatus ? { httpStatus } : {};
  const app = signedApp(express, { DescribeInstances: handler }, {}, options);
  // Node refuses request heads over 16 KB by itself; the router's own
  // limit is what is under test here.
  const server = createServer({ maxHeaderSize: 256 * KB }, app);
  return { app, server, handler };
}

const padding = (bytes: number) => 'x'.repeat(bytes);

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('actionRouter() with the default limits', () => {
    describe('when a GET query is over 32 KB', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const { server, handler } = defaultApp(express);
        const res = await tc3Get(server, `Pad=${padding(32 * KB)}`);
        expectError(res, 'RequestSizeLimitExceeded', 200);
        expect(handler).not.toHaveBeenCalled();
      });

      it('should answer it for a v1 GET too', async () => {
        const { server } = defaultApp(express);
        const res = await v1Get(server, { Pad: padding(32 * KB) });
        expectError(res, 'RequestSizeLimitExceeded', 200);
      });
    });

    describe('when a GET query is just under 32 KB', () => {
      it('should run the action', async () => {
        const { server, handler } = defaultApp(express);
        const res = await tc3Get(server, `Pad=${padding(31 * KB)}`);
        expectEnvelope(res);
        expect(handler).toHaveBeenCalledTimes(1);
      });
    });

    describe('when a v1 POST form is over 1 MB', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const { app, handler } = defaultApp(express);
        const res = await v1Post(app, { Pad: padding(MB) });
        expectError(res, 'RequestSizeLimitExceeded', 200);
        expect(handler).not.toHaveBeenCalled();
      });

      it('should answer 413 in semantic mode', async () => {
        const { app } = defaultApp(express, 'semantic');
        const res = await v1Post(app, { Pad: padding(MB) });
        expectError(res, 'RequestSizeLimitExceeded', 413);
      });
    });

    describe('when a TC3 JSON body is over 1 MB but under 10 MB', () => {
      it('should run the action', async () => {
        const { app, handler } = defaultApp(express);
        const res = await tc3Post(
          app,
          JSON.stringify({ Pad: padding(2 * MB) }),
        );
        expectEnvelope(res);
        expect(handler).toHaveBeenCalledTimes(1);
      });
    });

    describe('when a TC3 JSON body is over 10 MB', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const { app, handler } = defaultApp(express);
        const res = await tc3Post(
          app,
          JSON.stringify({ Pad: padding(10 * MB) }),
        );
        expectError(res, 'RequestSizeLimitExceeded', 200);
        expect(handler).not.toHaveBeenCalled();
      });
    });
  });

  describe('actionRouter() with limits in bytes', () => {
    describe('when a body is exactly at limits.json', () => {
      it('should run the action', async () => {
        const handler = vi.fn(() => ({}));
        const app = signedApp(
          express,
          { DescribeInstances: handler },
          { limits: { json: 64 } },
        );
        const body = JSON.stringify({ Pad: padding(64 - 10) });
        expect(body).toHaveLength(64);
        expectEnvelope(await tc3Post(app, body));
        expect(handler).toHaveBeenCalledTimes(1);
      });
    });

    describe('when a body is one byte over limits.json', () => {
      it('should answer RequestSizeLimitExceeded', async () => {
        const app = signedApp(
          express,
          { DescribeInstances: () => ({}) },
          { limits: { json: 64 } },
        );
        const res = await tc3Post(
          app,
          JSON.stringify({ Pad: padding(64 - 9) }),
        );
        expectError(res, 'RequestSizeLimitExceeded', 200);
      });
    });

    describe.each([
      [
        'a GET query',
        (app: ReturnType<typeof signedApp>) =>
          tc3Get(app, `Pad=${padding(200)}`),
      ],
      [
        'a v1 POST form',
        (app: ReturnType<typeof signedApp>) =>
          v1Post(app, { Pad: padding(200) }),
      ],
      [
        'a TC3 JSON body',
        (app: ReturnType<typeof signedApp>) =>
          tc3Post(app, JSON.stringify({ Pad: padding(200) })),
      ],
    ])('when %s is too large and the caller reads Chinese', (_form, send) => {
      it('should answer RequestSizeLimitExceeded in Chinese', async () => {
        const app = signedApp(
          express,
          { DescribeInstances: () => ({}) },
          { limits: { get: 100, form: 100, json: 100 } },
        );
        const res = await send(app).set('X-TC-Language', 'zh-CN');
        expectChinese(expectError(res, 'RequestSizeLimitExceeded', 200));
      });
    });
  });
});
