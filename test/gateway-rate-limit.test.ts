import type { Express, Request } from 'express';
import {
  ipKeyGenerator,
  rateLimit,
  type Options,
  type Store,
} from 'express-rate-limit';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import {
  tcapi,
  tcapiAuthenticate,
  tcapiFinish,
  tcapiRateLimitHandler,
  tcapiRateLimitKey,
  type CredentialsOption,
  type TcapiOptions,
} from 'express-tcapi';
import {
  EXPRESS_VERSIONS,
  expectEnvelope,
  expectError,
  type ExpressFactory,
} from './helpers/express-versions.js';
import { CREDENTIALS } from './helpers/protocol-app.js';
import { tc3Post } from './helpers/protocol-requests.js';

/** What express-rate-limit prints about its own configuration. */
function quietLogger() {
  return { error: vi.fn(), warn: vi.fn() };
}

function limitedApp(
  express: ExpressFactory,
  limiter: Partial<Options>,
  options: TcapiOptions & { authenticate?: CredentialsOption } = {},
) {
  const { authenticate, ...tcapiOptions } = options;
  const logger = quietLogger();
  const app = express();
  app.use(tcapi(tcapiOptions));
  if (authenticate) app.use(tcapiAuthenticate({ credentials: authenticate }));
  app.use(
    rateLimit({
      windowMs: 60_000,
      limit: 2,
      standardHeaders: 'draft-6',
      legacyHeaders: false,
      keyGenerator: tcapiRateLimitKey({ ipKeyGenerator }),
      handler: tcapiRateLimitHandler(),
      logger,
      ...limiter,
    }),
  );
  app.post('/', (_req, res) => {
    res.json({ Ok: true });
  });
  app.use(tcapiFinish());
  return { app, logger };
}

async function thirdOf(app: Express, send = () => request(app).post('/')) {
  await send();
  await send();
  return send();
}

describe.each(EXPRESS_VERSIONS)(
  'tcapiRateLimitHandler() on %s',
  (_name, express) => {
    describe('when an unauthenticated client passes the limit', () => {
      it('should answer RequestLimitExceeded.IPLimitExceeded on 200', async () => {
        const { app } = limitedApp(express, {});
        const res = await thirdOf(app);
        expectError(
          res,
          'RequestLimitExceeded.IPLimitExceeded',
          200,
          'The request frequency limit of the IP address was exceeded.',
        );
      });

      it("should keep the limiter's RateLimit and Retry-After headers", async () => {
        const { app } = limitedApp(express, {});
        const res = await thirdOf(app);
        expect(res.headers['ratelimit-limit']).toBe('2');
        expect(res.headers['ratelimit-remaining']).toBe('0');
        expect(res.headers['ratelimit-reset']).toMatch(/^\d+$/);
        expect(res.headers['ratelimit-policy']).toBe('2;w=60');
        expect(res.headers['retry-after']).toBe(res.headers['ratelimit-reset']);
      });

      it('should answer 429 with the limiter Retry-After in semantic mode', async () => {
        const { app } = limitedApp(express, {}, { httpStatus: 'semantic' });
        const res = await thirdOf(app);
        expectError(res, 'RequestLimitExceeded.IPLimitExceeded', 429);
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(50);
      });

      it('should answer in the caller language', async () => {
        const { app } = limitedApp(express, {});
        const send = () => request(app).post('/').set('X-TC-Language', 'zh-CN');
        const res = await thirdOf(app, send);
        expectError(
          res,
          'RequestLimitExceeded.IPLimitExceeded',
          200,
          'IP 限频。',
        );
      });

      it('should let requests under the limit through with the headers', async () => {
        const { app } = limitedApp(express, {});
        const res = await request(app).post('/');
        expectEnvelope(res);
        expect(res.body.Response.Ok).toBe(true);
        expect(res.headers['ratelimit-remaining']).toBe('1');
      });
    });

    describe('when an authenticated client passes the limit', () => {
      it('should answer RequestLimitExceeded.UinLimitExceeded', async () => {
        const { app } = limitedApp(express, {}, { authenticate: CREDENTIALS });
        const res = await thirdOf(app, () => tc3Post(app, '{}'));
        expectError(res, 'RequestLimitExceeded.UinLimitExceeded');
      });

      it('should count each SecretId on its own, from one address', async () => {
        const second = {
          secretId: 'AKIDsecondKey',
          secretKey: 'second-secret-key',
        };
        const { app } = limitedApp(
          express,
          {},
          {
            authenticate: {
              ...CREDENTIALS,
              [second.secretId]: second.secretKey,
            },
          },
        );
        const third = await thirdOf(app, () => tc3Post(app, '{}'));
        expectError(third, 'RequestLimitExceeded.UinLimitExceeded');
        const res = await tc3Post(app, '{}', { signer: second });
        expectEnvelope(res);
        expect(res.body.Response.Ok).toBe(true);
      });
    });

    describe('when the limiter keys requests its own way', () => {
      it('should answer the bare RequestLimitExceeded', async () => {
        const { app } = limitedApp(express, { keyGenerator: () => 'everyone' });
        const res = await thirdOf(app);
        expectError(res, 'RequestLimitExceeded');
      });

      it('should answer the code it is given', async () => {
        const { app } = limitedApp(express, {
          handler: tcapiRateLimitHandler({
            code: 'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
            message: 'Slow down.',
          }),
        });
        const res = await thirdOf(app);
        expectError(
          res,
          'RequestLimitExceeded.GlobalRegionUinLimitExceeded',
          200,
          'Slow down.',
        );
      });
    });

    describe('when the store fails', () => {
      const failing: Store = {
        increment: () =>
          Promise.reject(new Error('connect ECONNREFUSED 10.0.0.9:6379')),
        decrement: () => Promise.resolve(),
        resetKey: () => Promise.resolve(),
      };

      it('should answer InternalError, not HTML and not the store error', async () => {
        const onError = vi.fn();
        const { app } = limitedApp(express, { store: failing }, { onError });
        const res = await request(app).post('/');
        expectError(res, 'InternalError');
        expect(res.text).not.toContain('6379');
        expect(onError).toHaveBeenCalledTimes(1);
      });

      it('should answer 500 in semantic mode', async () => {
        const { app } = limitedApp(
          express,
          { store: failing },
          { httpStatus: 'semantic' },
        );
        const res = await request(app).post('/');
        expectError(res, 'InternalError', 500);
      });
    });

    describe('when the handler is mounted without being called', () => {
      it('should answer InternalError', async () => {
        const { app } = limitedApp(express, {
          handler: tcapiRateLimitHandler as never,
        });
        const res = await thirdOf(app);
        expectError(res, 'InternalError');
      });
    });
  },
);

describe('tcapiRateLimitKey()', () => {
  it('should not make express-rate-limit warn about IPv6 keys', async () => {
    const { app, logger } = limitedApp(EXPRESS_VERSIONS[1]![1], {});
    await request(app).post('/');
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it("should key an IPv6 client by its network, with the limiter's helper", () => {
    const key = tcapiRateLimitKey({ ipKeyGenerator });
    const req = (ip: string) => ({ ip, socket: {} }) as unknown as Request;
    expect(key(req('2001:db8:1:2::1'))).toBe(key(req('2001:db8:1:2::ffff')));
    expect(key(req('2001:db8:1:2::1'))).toMatch(/^IP:/);
    expect(key(req('192.0.2.1'))).toBe('IP:192.0.2.1');
  });

  it('should need ipKeyGenerator', () => {
    expect(() => tcapiRateLimitKey({} as never)).toThrow(
      "tcapiRateLimitKey() needs express-rate-limit's ipKeyGenerator",
    );
  });
});

describe('tcapiRateLimitHandler()', () => {
  it.each([
    [{ code: 'not a code' }, 'option `code`'],
    [{ message: 42 }, 'option `message`'],
    ['RequestLimitExceeded', 'takes an options object'],
  ])('should refuse %j at set-up', (options, message) => {
    expect(() => tcapiRateLimitHandler(options as never)).toThrow(message);
  });

  it('should be a named handler', () => {
    expect(tcapiRateLimitHandler().name).toBe('tcapiRateLimited');
  });
});
