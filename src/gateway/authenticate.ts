import type { Request, RequestHandler, Response } from 'express';
import { asFailure } from '../async-handler.js';
import { setLanguage } from '../context.js';
import { ApiError } from '../errors/api-error.js';
import { parseLanguage } from '../language.js';
import { answeredMisuse } from '../misuse.js';
import { decodeRequest } from '../protocol/decode-request.js';
import * as messages from '../protocol/messages.js';
import { captureRawBody } from '../protocol/raw-body.js';
import { verifySignature } from '../protocol/signature/verify.js';
import {
  planAuthentication,
  type AuthenticateOptions,
  type AuthenticatePlan,
} from './authenticate-options.js';

// Symbol.for, so that another copy of the package still finds it.
const SECRET_ID = Symbol.for('express-tcapi.authenticatedSecretId');

type WithSecretId = Request & { [SECRET_ID]?: string };

/**
 * Checks each request's signature at a gateway, before it is proxied, the
 * way `actionRouter()` checks it at a backend and in the real service's
 * order (method, size, `Action` and `Version`, then the signature). A
 * request that passes is marked with its SecretId, which
 * {@link authenticatedSecretId} and `tcapiRateLimitKey()` read; one that
 * fails goes to `next(err)` and never reaches the upstream.
 *
 * The body is read here and its exact bytes are kept for `tcapiProxy()`,
 * which sends them on, so the backend can check the same signature again.
 *
 * @example
 * app.use(tcapi());
 * app.use(tcapiAuthenticate({ credentials: { AKIDexample: 'secret-key' } }));
 * app.use(createProxyMiddleware(tcapiProxy({ target: 'http://10.0.0.2:3000' })));
 * app.use(tcapiFinish());
 */
export function tcapiAuthenticate(
  options: AuthenticateOptions,
): RequestHandler {
  if (answeredMisuse('tcapiAuthenticate', arguments, true)) return noop;
  const plan = planAuthentication(options);
  return function tcapiAuthenticate(req, res, next) {
    authenticate(req, res, plan).then(
      () => next(),
      (thrown: unknown) => next(asFailure(thrown)),
    );
  };
}

/**
 * The SecretId `tcapiAuthenticate()` verified the request's signature
 * with, or `undefined` when it did not (it has not run, or the request
 * was refused).
 *
 * @example
 * rateLimit({ skip: (req) => authenticatedSecretId(req) === 'AKIDadmin' });
 */
export function authenticatedSecretId(req: Request): string | undefined {
  return (req as WithSecretId)[SECRET_ID];
}

async function authenticate(
  req: Request,
  res: Response,
  plan: AuthenticatePlan,
): Promise<void> {
  if (authenticatedSecretId(req) !== undefined) return;
  if (req.method !== 'GET' && req.method !== 'POST') {
    throw new ApiError('UnsupportedProtocol', messages.unsupportedProtocol);
  }
  const decoded = await decodeRequest(req, plan.limits);
  const { signed, common } = decoded;
  // Kept before anything can fail, so the proxy always finds the bytes.
  if (signed && signed.rawBody.length > 0) {
    captureRawBody(req, res, signed.rawBody);
  }
  const language = parseLanguage(common.language);
  if (language) setLanguage(req, language);
  if (!common.action) throw missing('Action');
  if (!common.version) throw missing('Version');
  if (!signed) throw new Error(BYTES_GONE);
  const { secretId } = await verifySignature(signed, plan.verify);
  Object.defineProperty(req, SECRET_ID, {
    value: secretId,
    configurable: true,
  });
}

const noop: RequestHandler = () => undefined;

const BYTES_GONE =
  'A body parser consumed the request before tcapiAuthenticate() could check its signature: ' +
  'mount it with { verify: captureRawBody }, or after tcapiAuthenticate().';

function missing(name: string): ApiError {
  return new ApiError('MissingParameter', messages.missingParameter(name));
}
