import type { Request, RequestHandler } from 'express';
import {
  ipKeyGenerator,
  MemoryStore,
  rateLimit,
  type Options,
  type Store,
} from 'express-rate-limit';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import {
  authenticatedSecretId,
  tcapiRateLimitHandler,
  tcapiRateLimitKey,
} from 'express-tcapi';

/** Sends one raw command to Redis, as `client.sendCommand(args)` does. */
export type SendCommand = (...args: string[]) => Promise<RedisReply>;

/** Options of {@link rateLimits}. */
export interface RateLimitOptions {
  /** Requests allowed per key (SecretId or IP address) per minute. */
  perMinute: number;
  /**
   * Keeps the counts in Redis, shared by every gateway instance that
   * talks to the same Redis; without it, each instance counts in memory.
   */
  sendCommand?: SendCommand;
  /**
   * Whether the gateway checks signatures (`tcapiAuthenticate()` runs
   * between the two limiters).
   */
  authenticates: boolean;
}

const IP_LIMIT = 'ipRateLimit';

/**
 * The gateway's limiters, in mounting order. With signature checks:
 * per IP address before them, counting only the requests that end up
 * not proving a key (so a client flooding bad signatures is stopped
 * before it costs any more checks), then per verified SecretId. Without
 * them, per IP address alone.
 */
export function rateLimits(options: RateLimitOptions): {
  beforeAuthentication: RequestHandler | undefined;
  forgiveAuthenticated: RequestHandler | undefined;
  afterAuthentication: RequestHandler;
} {
  const shared: Partial<Options> = {
    windowMs: 60_000,
    limit: options.perMinute,
    standardHeaders: 'draft-6',
    legacyHeaders: false,
    // A store that fails gives InternalError, never unlimited traffic.
    passOnStoreError: false,
    keyGenerator: tcapiRateLimitKey({ ipKeyGenerator }),
    handler: tcapiRateLimitHandler(),
  };
  const store = (prefix: string): Store =>
    options.sendCommand
      ? new RedisStore({ sendCommand: options.sendCommand, prefix })
      : new MemoryStore();
  const afterAuthentication = rateLimit({
    ...shared,
    store: store('tcapi-gateway:key:'),
  });
  if (!options.authenticates) {
    return {
      beforeAuthentication: undefined,
      forgiveAuthenticated: undefined,
      afterAuthentication,
    };
  }
  const ipStore = store('tcapi-gateway:ip:');
  const beforeAuthentication = rateLimit({
    ...shared,
    store: ipStore,
    requestPropertyName: IP_LIMIT,
  });
  // A request that proved its key is taken off the address's count at
  // once, not when its answer finishes: an aborted stream never finishes,
  // and would leave other keys behind the same address locked out.
  const forgiveAuthenticated: RequestHandler = (req, _res, next) => {
    const key = (req as Request & Record<string, { key?: string }>)[IP_LIMIT]
      ?.key;
    if (authenticatedSecretId(req) !== undefined && key !== undefined) {
      // A store that fails here costs the client nothing.
      void Promise.resolve(ipStore.decrement(key)).catch(() => undefined);
    }
    next();
  };
  return { beforeAuthentication, forgiveAuthenticated, afterAuthentication };
}
