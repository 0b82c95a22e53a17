import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_KEY } from '../helpers/example-keys.js';
import {
  GATEWAY_SECRET,
  hostOf,
  startBackend,
  startGateway,
} from '../helpers/gateway-example.js';
import {
  startGatewayProcess,
  type GatewayProcess,
} from '../helpers/gateway-processes.js';
import type { Listening } from '../helpers/gateway-upstreams.js';
import {
  redisSkipReason,
  startRedis,
  type RedisServer,
} from '../helpers/redis.js';
import { cvmClient, unsetProxyVariables } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';

const LIMIT = 3;

describe.skipIf(redisSkipReason !== undefined)(
  'two example gateway processes sharing one Redis',
  () => {
    let redis: RedisServer;
    let backend: Listening & Awaited<ReturnType<typeof startBackend>>;
    let gateways: GatewayProcess[] = [];

    beforeAll(async () => {
      unsetProxyVariables();
      redis = await startRedis();
      backend = await startBackend();
      const env = {
        UPSTREAM_URL: backend.url,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        REDIS_URL: redis.url,
        GATEWAY_SECRET,
        TENCENTCLOUD_SECRET_ID: DEMO_KEY.secretId,
        TENCENTCLOUD_SECRET_KEY: DEMO_KEY.secretKey,
      };
      gateways = await Promise.all([
        startGatewayProcess(env),
        startGatewayProcess(env),
      ]);
    });

    afterAll(async () => {
      await Promise.all(gateways.map((gateway) => gateway.stop()));
      await backend?.close();
      await redis?.stop();
    });

    it('should share one limit between them', async () => {
      const [a, b] = gateways.map((gateway) => cvmClient(gateway.host));
      await a!.DescribeInstances({ Limit: 1 });
      await b!.DescribeInstances({ Limit: 1 });
      await a!.DescribeInstances({ Limit: 1 });
      const error = await rejection(b!.DescribeInstances({ Limit: 1 }));
      expect(error.code).toBe('RequestLimitExceeded.UinLimitExceeded');
      const again = await rejection(a!.DescribeInstances({ Limit: 1 }));
      expect(again.code).toBe('RequestLimitExceeded.UinLimitExceeded');
    });

    it('should log, in the gateway process, the id the backend used', async () => {
      const lines = gateways.flatMap((gateway) =>
        gateway
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as { req?: { id?: string } }),
      );
      const gatewayIds = lines.map((line) => line.req?.id);
      const backendIds = backend.lines.map((line) => line.req?.id);
      expect(backendIds).toHaveLength(LIMIT);
      for (const id of backendIds) expect(gatewayIds).toContain(id);
    });

    it('should answer InternalError when Redis is gone', async () => {
      await redis.stop();
      const client = cvmClient(gateways[0]!.host);
      const error = await vi.waitFor(
        async () => {
          const failure = await rejection(client.DescribeInstances({}));
          expect(failure.code).toBe('InternalError');
          return failure;
        },
        { timeout: 5_000, interval: 100 },
      );
      expect(error.message).not.toContain(String(redis.port));
    });
  },
);

describe('two example gateways counting in memory', () => {
  it('should count apart, which is why Redis is needed', async () => {
    unsetProxyVariables();
    const backend = await startBackend();
    const a = await startGateway(backend.url, { rateLimitPerMinute: 1 });
    const b = await startGateway(backend.url, { rateLimitPerMinute: 1 });
    try {
      await cvmClient(hostOf(a)).DescribeInstances({});
      const result = await cvmClient(hostOf(b)).DescribeInstances({});
      expect(result.TotalCount).toBe(5);
    } finally {
      await Promise.all([a.close(), b.close(), backend.close()]);
    }
  });
});
