import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../errors/api-error.js';
import { isWellFormedCode } from '../errors/code-info.js';
import { answeredMisuse } from '../misuse.js';
import { authenticatedSecretId } from './authenticate.js';

// Prefixes of the keys tcapiRateLimitKey() makes; the handler reads them
// back to name the sub-code.
const SECRET_ID_KEY = 'SecretId:';
const IP_KEY = 'IP:';

/** Options of {@link tcapiRateLimitKey}. */
export interface RateLimitKeyOptions {
  /**
   * express-rate-limit's own `ipKeyGenerator`, which keys an IPv6 client
   * by its /56 network so that it cannot dodge the limit by changing
   * addresses. Required: pass it from the package you installed.
   */
  ipKeyGenerator: (ip: string) => string;
}

/**
 * A `keyGenerator` for express-rate-limit: requests whose signature
 * `tcapiAuthenticate()` verified count against their SecretId
 * (`SecretId:<id>`), all others against the client's address (`IP:<ip>`,
 * through `req.ip`, so set Express's `trust proxy` when a load balancer
 * stands in front). A SecretId that was only claimed, not verified, is
 * never used: anyone could spend someone else's quota with it.
 *
 * @example
 * import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
 * app.use(rateLimit({
 *   limit: 600,
 *   keyGenerator: tcapiRateLimitKey({ ipKeyGenerator }),
 *   handler: tcapiRateLimitHandler(),
 * }));
 */
export function tcapiRateLimitKey(
  options: RateLimitKeyOptions,
): (req: Request) => string {
  const ipKeyGenerator = options?.ipKeyGenerator;
  if (typeof ipKeyGenerator !== 'function') {
    throw new TypeError(
      "express-tcapi: tcapiRateLimitKey() needs express-rate-limit's ipKeyGenerator: import { ipKeyGenerator } from 'express-rate-limit' and pass tcapiRateLimitKey({ ipKeyGenerator }).",
    );
  }
  return function tcapiKeyOf(req) {
    const secretId = authenticatedSecretId(req);
    if (secretId !== undefined) return SECRET_ID_KEY + secretId;
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    return IP_KEY + ipKeyGenerator(address);
  };
}

/** Options of {@link tcapiRateLimitHandler}. */
export interface RateLimitHandlerOptions {
  /**
   * The code to answer with. By default it follows the key of
   * `tcapiRateLimitKey()`: `RequestLimitExceeded.UinLimitExceeded` per
   * SecretId, `RequestLimitExceeded.IPLimitExceeded` per address, and
   * `RequestLimitExceeded` for keys of any other kind.
   */
  code?: string;
  /** The message; by default the code's own, in the caller's language. */
  message?: string;
}

/** The part of express-rate-limit's options the handler reads. */
interface LimiterOptions {
  requestPropertyName?: string;
}

/**
 * A `handler` for express-rate-limit: a rejected request goes to
 * `next(err)` as `RequestLimitExceeded` (with a sub-code, see
 * {@link RateLimitHandlerOptions.code}), so `tcapiFinish()` answers it as
 * an envelope, on HTTP 200 or, in semantic mode, 429. The limiter's
 * `RateLimit*` headers stay on the response and its `Retry-After` is kept.
 *
 * A store that fails (Redis down) is an `InternalError` envelope too, as
 * long as the limiter keeps `passOnStoreError: false`, its default: the
 * store's error then reaches `next(err)`.
 *
 * @example
 * app.use(rateLimit({
 *   limit: 600,
 *   standardHeaders: 'draft-6',
 *   keyGenerator: tcapiRateLimitKey({ ipKeyGenerator }),
 *   handler: tcapiRateLimitHandler(),
 * }));
 */
export function tcapiRateLimitHandler(
  options: RateLimitHandlerOptions = {},
): (
  req: Request,
  res: Response,
  next: NextFunction,
  optionsUsed: LimiterOptions,
) => void {
  if (answeredMisuse('tcapiRateLimitHandler', arguments, true)) return noop;
  const { code, message } = checked(options);
  return function tcapiRateLimited(req, res, next, optionsUsed) {
    const property = optionsUsed?.requestPropertyName ?? 'rateLimit';
    const info = (req as unknown as Record<string, unknown>)[property];
    const key = (info as { key?: unknown } | undefined)?.key;
    const retryAfter = res.getHeader('Retry-After');
    const headers: Record<string, string> =
      retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
    next(new ApiError(code ?? codeForKey(key), message, { headers }));
  };
}

const noop = () => undefined;

function codeForKey(key: unknown): string {
  if (typeof key !== 'string') return 'RequestLimitExceeded';
  if (key.startsWith(SECRET_ID_KEY)) {
    return 'RequestLimitExceeded.UinLimitExceeded';
  }
  if (key.startsWith(IP_KEY)) return 'RequestLimitExceeded.IPLimitExceeded';
  return 'RequestLimitExceeded';
}

function checked(options: RateLimitHandlerOptions): RateLimitHandlerOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      `express-tcapi: tcapiRateLimitHandler() takes an options object; received ${String(options)}. Mount it as rateLimit({ handler: tcapiRateLimitHandler() }).`,
    );
  }
  const { code, message } = options;
  if (code !== undefined && !isWellFormedCode(code)) {
    throw new TypeError(
      `express-tcapi: option \`code\` of tcapiRateLimitHandler() must be a code such as 'RequestLimitExceeded'; received ${JSON.stringify(code)}.`,
    );
  }
  if (message !== undefined && typeof message !== 'string') {
    throw new TypeError(
      `express-tcapi: option \`message\` of tcapiRateLimitHandler() must be a string; received ${String(message)}.`,
    );
  }
  return { code, message };
}
