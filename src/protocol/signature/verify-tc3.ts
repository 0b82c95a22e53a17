import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../../errors/api-error.js';
import type { Tc3Authorization } from './authorization.js';
import { checkToken, findCredential } from './credential-checks.js';
import * as messages from './messages.js';
import {
  distinct,
  headerText,
  nonEmpty,
  withoutPort,
} from './request-parts.js';
import {
  parseAuthorization,
  payloadHash,
  signWithKey,
  tc3SigningKey,
  type Tc3Input,
} from './tc3.js';
import { freshTimestamp, utcDate } from './timestamp.js';
import type {
  SignedRequest,
  VerifiedRequest,
  VerifyOptions,
} from './verify.js';

type SignedHeaders = Array<readonly [string, string]>;

/** What the headers of a TC3 request tell before its body is read. */
interface Tc3Headers {
  readonly timestamp: string;
  readonly seconds: number;
  readonly auth: Tc3Authorization;
}

/**
 * The checks of a TC3 request that need its headers alone, in the real
 * service's order: `MissingParameter` (Timestamp),
 * `AuthFailure.InvalidAuthorization`, `AuthFailure.SignatureExpire`. Run
 * before the body is read, they refuse a forged request without reading
 * what it sends.
 */
export function checkTc3Headers(
  headers: IncomingHttpHeaders,
  options: Pick<VerifyOptions, 'maxSkewSeconds' | 'now'>,
): Tc3Headers {
  const timestamp = nonEmpty(headerText(headers['x-tc-timestamp']));
  if (timestamp === undefined) {
    const message = messages.missingParameter('Timestamp');
    throw new ApiError('MissingParameter', message);
  }
  const auth = parseAuthorization(nonEmpty(headerText(headers.authorization)));
  if (auth === undefined) {
    const message = messages.invalidAuthorization;
    throw new ApiError('AuthFailure.InvalidAuthorization', message);
  }
  const now = (options.now ?? Date.now)();
  const seconds = freshTimestamp(timestamp, now, options.maxSkewSeconds);
  return { timestamp, seconds, auth };
}

/** The TC3-HMAC-SHA256 half of `verifySignature()`. */
export async function verifyTc3(
  request: SignedRequest,
  options: VerifyOptions,
): Promise<VerifiedRequest> {
  const { headers } = request;
  const { timestamp, seconds, auth } = checkTc3Headers(headers, options);
  const credential = await findCredential(options.credentials, auth.secretId);
  checkToken(credential, nonEmpty(headerText(headers['x-tc-token'])));
  const uris = signableUris(request, auth, options.service);
  const signed =
    auth.date === utcDate(seconds) &&
    uris.length > 0 &&
    matches(request, auth, timestamp, credential.secretKey, uris);
  if (!signed) {
    const message = messages.signatureFailure;
    throw new ApiError('AuthFailure.SignatureFailure', message);
  }
  return { secretId: auth.secretId };
}

/**
 * The canonical URIs a signature may cover, given the service its scope
 * names. With a product name configured, the scope must name it (Python
 * and Go sign `/`) or the endpoint's first label, which Node signs with
 * the real path: a request signed for one service mounted on this host
 * then cannot be replayed to another.
 */
function signableUris(
  request: SignedRequest,
  auth: Tc3Authorization,
  service: string | undefined,
): string[] {
  const both = distinct(['/', request.path]);
  if (service === undefined || auth.service === service) return both;
  const endpoint = headerText(request.headers.host) + (request.mount ?? '');
  return auth.service === endpoint.split('.')[0] ? [request.path] : [];
}

function matches(
  request: SignedRequest,
  auth: Tc3Authorization,
  timestamp: string,
  secretKey: string,
  uris: readonly string[],
): boolean {
  const key = tc3SigningKey(secretKey, auth.date, auth.service);
  const sent = Buffer.from(auth.signature, 'hex');
  for (const input of candidates(request, auth, timestamp, uris)) {
    const computed = Buffer.from(signWithKey(key, input), 'hex');
    if (timingSafeEqual(computed, sent)) return true;
  }
  return false;
}

// The SDKs disagree on what they sign when pointed at a local server:
// Node signs the host without its port and the real path, Python, Go and
// Java the host as sent and `/`. Every combination is tried.
function* candidates(
  request: SignedRequest,
  auth: Tc3Authorization,
  timestamp: string,
  uris: readonly string[],
): Generator<Tc3Input> {
  const method = request.method.toUpperCase();
  const unsigned =
    headerText(request.headers['x-tc-content-sha256']) === 'UNSIGNED-PAYLOAD';
  const hash = payloadHash(request.rawBody, unsigned);
  const query = method === 'GET' ? request.rawQuery : '';
  for (const headers of headerSets(request.headers, auth.signedHeaders)) {
    for (const canonicalUri of uris) {
      yield {
        method,
        canonicalUri,
        canonicalQuery: query,
        headers,
        payloadHash: hash,
        timestamp,
        date: auth.date,
        service: auth.service,
      };
    }
  }
}

// The SDKs sign header values as they send them; the documentation says
// lower-case, so that is tried too.
function headerSets(
  received: IncomingHttpHeaders,
  names: readonly string[],
): SignedHeaders[] {
  const host = headerText(received.host);
  const sets: SignedHeaders[] = [];
  for (const signedHost of distinct([host, withoutPort(host)])) {
    const values = names.map((name) => {
      const value = name === 'host' ? signedHost : headerText(received[name]);
      return [name, value] as const;
    });
    const lower = values.map(([name, value]) => {
      return [name, value.toLowerCase()] as const;
    });
    sets.push(values, lower);
  }
  return distinct(sets, (set) => JSON.stringify(set));
}
