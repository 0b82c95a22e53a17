import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
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

/**
 * The gateway's limiters, in mounting order. With signature checks:
 * per IP address before them, counting only the requests that end up
 * not proving a key (so a client flooding bad signatures is stopped
 * before it costs any more checks), then per verified SecretId. Without
 * them, per IP address alone.
 */
export function rateLimits(options: RateLimitOptions): {
  beforeAuthentication: RequestHandler | undefined;
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
  const store = (prefix: string) =>
    options.sendCommand
      ? new RedisStore({ sendCommand: options.sendCommand, prefix })
      : undefined;
  const afterAuthentication = rateLimit({
    ...shared,
    store: store('tcapi-gateway:key:'),
  });
  if (!options.authenticates) {
    return { beforeAuthentication: undefined, afterAuthentication };
  }
  const beforeAuthentication = rateLimit({
    ...shared,
    store: store('tcapi-gateway:ip:'),
    skipSuccessfulRequests: true,
    requestWasSuccessful: (req: Request) =>
      authenticatedSecretId(req) !== undefined,
  });
  return { beforeAuthentication, afterAuthentication };
}
