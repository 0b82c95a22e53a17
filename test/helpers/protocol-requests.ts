import type { Server } from 'node:http';
import type { Express } from 'express';
import request from 'supertest';
import { tc3Authorization, v1Sign, type V1Method } from './protocol-sign.js';

export const SECRET_ID = 'AKIDprotocolTests01';
export const SECRET_KEY = 'protocol-tests-secret-key';
export const VERSION = '2017-03-12';
/** The host every test request names, so that signatures are stable. */
export const HOST = 'cvm.tencentcloudapi.com';

/** Who signs a request. */
export interface Signer {
  secretId: string;
  secretKey: string;
  token?: string;
}

export const KEY: Signer = { secretId: SECRET_ID, secretKey: SECRET_KEY };

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An app, or a server not yet listening. */
export type Target = Express | Server;

/** A TC3 request; `null` leaves a header out. */
export interface Tc3Request {
  action?: string | null;
  version?: string | null;
  region?: string;
  language?: string;
  /** Request path (and mount), `/` by default. */
  path?: string;
  /** Canonical URI signed; `/` by default, as Python, Go and Java sign. */
  signedUri?: string;
  /** `null` sends no `Authorization`. */
  signer?: Signer | null;
  /** `null` sends no `X-TC-Timestamp`. */
  timestamp?: number | null;
  /** Sent as the `Authorization` header instead of a real signature. */
  authorization?: string;
  service?: string;
  headers?: Readonly<Record<string, string>>;
}

/** `POST` of a JSON body (or any bytes) as the SDKs send it. */
export function tc3Post(
  app: Target,
  body: string | Buffer = '{}',
  options: Tc3Request & { contentType?: string | null } = {},
) {
  const contentType =
    options.contentType === undefined
      ? 'application/json'
      : options.contentType;
  const test = request(app).post(options.path ?? '/');
  setTc3Headers(test, options, 'POST', '', contentType, body);
  if (contentType !== null) test.set('Content-Type', contentType);
  if (body.length === 0 && contentType === null) return test;
  // superagent would send a Buffer under a JSON type as JSON text.
  if (Buffer.isBuffer(body)) test.serialize(asIs as (body: unknown) => string);
  return test.send(body);
}

const asIs = (body: unknown) => body;

/** `GET` with the parameters flattened into `query` (no `?`). */
export function tc3Get(app: Target, query: string, options: Tc3Request = {}) {
  const contentType = 'application/x-www-form-urlencoded';
  const test = request(app).get(`${options.path ?? '/'}?${query}`);
  setTc3Headers(test, options, 'GET', query, contentType, '');
  return test.set('Content-Type', contentType);
}

function setTc3Headers(
  test: request.Test,
  options: Tc3Request,
  method: string,
  query: string,
  contentType: string | null,
  body: string | Buffer,
): void {
  const timestamp =
    options.timestamp === undefined ? nowSeconds() : options.timestamp;
  const signer = options.signer === undefined ? KEY : options.signer;
  test.set('Host', HOST);
  const common: Record<string, string | null | undefined> = {
    'X-TC-Action':
      options.action === undefined ? 'DescribeInstances' : options.action,
    'X-TC-Version': options.version === undefined ? VERSION : options.version,
    'X-TC-Region': options.region,
    'X-TC-Language': options.language,
    'X-TC-Timestamp': timestamp === null ? null : String(timestamp),
    'X-TC-Token': signer?.token,
    ...options.headers,
  };
  for (const [name, value] of Object.entries(common)) {
    if (typeof value === 'string') test.set(name, value);
  }
  if (options.authorization !== undefined) {
    test.set('Authorization', options.authorization);
  } else if (signer !== null) {
    const authorization = tc3Authorization({
      ...signer,
      method,
      canonicalUri: options.signedUri ?? '/',
      query,
      headers: { 'content-type': contentType ?? '', host: HOST },
      body,
      timestamp: timestamp ?? nowSeconds(),
      service: options.service ?? 'cvm',
    });
    test.set('Authorization', authorization);
  }
}

/** A v1 request: options besides the parameters. */
export interface V1Request {
  path?: string;
  /** Path signed; the request path by default. */
  signedPath?: string;
  /** `null` sends no `SecretId` and no `Signature`. */
  signer?: Signer | null;
  signatureMethod?: V1Method;
}

/**
 * The parameters of a v1 request: `Action`, `Version`, `Timestamp`, `Nonce`,
 * `SecretId` (and `Token`, `SignatureMethod`) by default, then `params` on
 * top (`undefined` leaves one out), then `Signature`.
 */
export function v1Parameters(
  method: string,
  params: Readonly<Record<string, string | undefined>>,
  options: V1Request = {},
): Record<string, string> {
  const signer = options.signer === undefined ? KEY : options.signer;
  const all: Record<string, string | undefined> = {
    Action: 'DescribeInstances',
    Version: VERSION,
    Timestamp: String(nowSeconds()),
    Nonce: String(Math.floor(Math.random() * 1e9)),
    SecretId: signer?.secretId,
    Token: signer?.token,
    SignatureMethod: options.signatureMethod,
    ...params,
  };
  const filled = Object.fromEntries(
    Object.entries(all).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );
  if (signer === null || 'Signature' in filled) return filled;
  const path = options.signedPath ?? options.path ?? '/';
  const signature = v1Sign(
    signer.secretKey,
    method,
    HOST,
    path,
    filled,
    options.signatureMethod,
  );
  return { ...filled, Signature: signature };
}

/** A v1 `GET`, every parameter in the query string. */
export function v1Get(
  app: Target,
  params: Readonly<Record<string, string | undefined>> = {},
  options: V1Request = {},
) {
  const query = new URLSearchParams(v1Parameters('GET', params, options));
  return request(app)
    .get(`${options.path ?? '/'}?${query}`)
    .set('Host', HOST);
}

/** A v1 `POST`, every parameter in a form body. */
export function v1Post(
  app: Target,
  params: Readonly<Record<string, string | undefined>> = {},
  options: V1Request = {},
) {
  const form = new URLSearchParams(v1Parameters('POST', params, options));
  return request(app)
    .post(options.path ?? '/')
    .set('Host', HOST)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .send(form.toString());
}
