import { ApiError } from '../../errors/api-error.js';
import { checkToken, findCredential, safeEqual } from './credential-checks.js';
import * as messages from './messages.js';
import {
  distinct,
  headerText,
  nonEmpty,
  withoutPort,
} from './request-parts.js';
import { freshTimestamp } from './timestamp.js';
import { v1Method, v1Signature, v1SignString, type V1Method } from './v1.js';
import type {
  SignedRequest,
  VerifiedRequest,
  VerifyOptions,
} from './verify.js';

type Params = Readonly<Record<string, string>>;

// Checked in this order, like the real service.
const REQUIRED = ['Timestamp', 'Nonce', 'SecretId', 'Signature'] as const;

/** The HmacSHA1 / HmacSHA256 half of `verifySignature()`. */
export async function verifyV1(
  request: SignedRequest,
  options: VerifyOptions,
): Promise<VerifiedRequest> {
  const params = request.v1Params ?? {};
  const [timestamp, , secretId, signature] = REQUIRED.map((name) => {
    const value = nonEmpty(own(params, name));
    if (value !== undefined) return value;
    throw new ApiError('MissingParameter', messages.missingParameter(name));
  }) as [string, string, string, string];
  const now = (options.now ?? Date.now)();
  freshTimestamp(timestamp, now, options.maxSkewSeconds);
  const credential = await findCredential(options.credentials, secretId);
  checkToken(credential, nonEmpty(own(params, 'Token')));
  const method = v1Method(nonEmpty(own(params, 'SignatureMethod')));
  const covered =
    method === undefined
      ? undefined
      : matches(request, params, signature, credential.secretKey, method);
  if (!covered) {
    const message = messages.signatureFailure;
    throw new ApiError('AuthFailure.SignatureFailure', message);
  }
  const unsigned = Object.keys(params).filter(
    (name) => !Object.hasOwn(covered, name),
  );
  return unsigned.length > 0
    ? { secretId, unsignedParameters: unsigned }
    : { secretId };
}

function own(params: Params, name: string): string | undefined {
  return Object.hasOwn(params, name) ? params[name] : undefined;
}

/** The parameters the signature covers, or `undefined` if it matches none. */
function matches(
  request: SignedRequest,
  params: Params,
  signature: string,
  secretKey: string,
  method: V1Method,
): Params | undefined {
  // A `+` sent unencoded in a query decodes to a space; base64 has none.
  const sent = signature.replaceAll(' ', '+');
  const host = headerText(request.headers.host);
  for (const signedHost of distinct([host, withoutPort(host)])) {
    for (const path of distinct([request.path, '/'])) {
      for (const signedParams of paramSets(params)) {
        const input = {
          method: request.method,
          host: signedHost,
          path,
          params: signedParams,
        };
        const computed = v1Signature(secretKey, v1SignString(input), method);
        if (safeEqual(computed, sent)) return signedParams;
      }
    }
  }
  return undefined;
}

// The Go SDK sends empty parameters such as `Region=` but leaves them out
// of the string it signs. Such unsigned parameters are then dropped, so
// that nobody can add one to a signed request.
function paramSets(params: Params): Params[] {
  const filled = Object.entries(params).filter(([, value]) => value !== '');
  if (filled.length === Object.keys(params).length) return [params];
  return [params, Object.fromEntries(filled)];
}
