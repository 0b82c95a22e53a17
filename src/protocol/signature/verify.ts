import type { IncomingHttpHeaders } from 'node:http';
import { verifyTc3 } from './verify-tc3.js';
import { verifyV1 } from './verify-v1.js';

/** The secret of one SecretId. */
export interface Credential {
  secretKey: string;
  /** Set for temporary credentials; requests must then carry it. */
  token?: string;
}

/**
 * Finds the credential of a SecretId, `undefined` when there is none. What
 * it throws or rejects with reaches the caller unchanged.
 */
export type CredentialLookup = (
  secretId: string,
) => Credential | undefined | Promise<Credential | undefined>;

/** A request as received, before any parsing could alter it. */
export interface SignedRequest {
  /** `tc3` for an `Authorization` header, `v1` for a `Signature` parameter. */
  form: 'tc3' | 'v1';
  /** `GET` or `POST`. */
  method: string;
  /** The request path as received, such as `/` or `/hunyuan`. */
  path: string;
  /** Where the service is mounted (`req.baseUrl`): `''` at the root. */
  mount?: string;
  /** The query string as received, without `?`; `''` when there is none. */
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** The body bytes exactly as received; empty for GET. */
  rawBody: Buffer;
  /**
   * v1 only: every parameter, from the query or the form body, url-decoded
   * and flat, `Signature` included.
   */
  v1Params?: Readonly<Record<string, string>>;
}

/** Options of {@link verifySignature}. */
export interface VerifyOptions {
  credentials: CredentialLookup;
  /** How far the request time may be from the server clock, either way. */
  maxSkewSeconds: number;
  /** The server clock in milliseconds. Default: `Date.now`. */
  now?: () => number;
  /**
   * The product name a TC3 credential scope must name (`cvm`), besides the
   * endpoint's first label that the Node and Java SDKs put there. Without
   * it any service is accepted.
   */
  service?: string;
}

/** What a verified signature tells about the request. */
export interface VerifiedRequest {
  readonly secretId: string;
  /**
   * v1 parameters that were sent but not signed (the Go SDK leaves empty
   * ones out); they must be dropped from the action's parameters.
   */
  readonly unsignedParameters?: readonly string[];
}

/**
 * Checks a request's signature the way Tencent Cloud does, in the real
 * service's order: `MissingParameter`, `AuthFailure.InvalidAuthorization`
 * (TC3), `AuthFailure.SignatureExpire`, `AuthFailure.SecretIdNotFound`,
 * `AuthFailure.TokenFailure`, `AuthFailure.SignatureFailure`. Each is
 * thrown as an `ApiError`; an error of the credential lookup is rethrown
 * as it is.
 *
 * @returns The SecretId the request was signed with.
 * @example
 * const { secretId } = await verifySignature(
 *   { form: 'tc3', method: req.method, path: '/', rawQuery: '',
 *     headers: req.headers, rawBody },
 *   { credentials: (id) => keys.get(id), maxSkewSeconds: 300 },
 * );
 */
export async function verifySignature(
  request: SignedRequest,
  options: VerifyOptions,
): Promise<VerifiedRequest> {
  return request.form === 'tc3'
    ? verifyTc3(request, options)
    : verifyV1(request, options);
}
