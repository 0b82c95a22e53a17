import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { isApiError } from '../src/errors/api-error.js';
import {
  verifySignature,
  type Credential,
  type CredentialLookup,
  type SignedRequest,
  type VerifyOptions,
} from '../src/protocol/signature/verify.js';
import { expectApiError } from './helpers/expect-api-error.js';
import { sdkCapture } from './helpers/sdk-capture.js';

const SECRET_ID = 'AKIDexpresstcapitc3';
const SECRET_KEY = 'express-tcapi-tc3-secret-key';
const TOKEN = 'express-tcapi-tc3-token';
const NOW = Date.parse('2024-06-01T12:00:00Z');
const SECONDS = NOW / 1000;

const lookup =
  (credential: Credential): CredentialLookup =>
  (id) =>
    id === SECRET_ID ? credential : undefined;
const options: VerifyOptions = {
  credentials: lookup({ secretKey: SECRET_KEY }),
  maxSkewSeconds: 300,
};
const at: VerifyOptions = { ...options, now: () => NOW };
const withToken = lookup({ secretKey: SECRET_KEY, token: TOKEN });

const failure = (request: SignedRequest, opts: VerifyOptions = at) =>
  verifySignature(request, opts).then(
    () => new Error('Expected verifySignature() to reject.'),
    (caught: unknown) => caught,
  );

// A loopback server that records what the official SDK sends.
const sdk = sdkCapture({ secretId: SECRET_ID, secretKey: SECRET_KEY });

// Requests signed here from the documented algorithm, the way each SDK
// fills it in.
interface Signing {
  method?: 'GET' | 'POST';
  host?: string;
  signedHost?: string;
  service?: string;
  uri?: string;
  path?: string;
  query?: string;
  contentType?: string;
  signedContentType?: string;
  body?: string;
  unsigned?: boolean;
  timestamp?: number;
  date?: string;
  secretId?: string;
  key?: string;
  token?: string;
  extraHeaders?: Record<string, string>;
}

const sha256 = (text: string) =>
  createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) =>
  createHmac('sha256', key).update(text).digest();

function tc3Request(signing: Signing = {}): SignedRequest {
  const method = signing.method ?? 'POST';
  const host = signing.host ?? '127.0.0.1:3000';
  const contentType = signing.contentType ?? 'application/json';
  const body = signing.body ?? '{"Limit":1}';
  const timestamp = String(signing.timestamp ?? SECONDS);
  const date =
    signing.date ??
    new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);
  const service = signing.service ?? 'cvm';
  const query = signing.query ?? '';
  const signed: Record<string, string> = {
    'content-type': signing.signedContentType ?? contentType,
    host: signing.signedHost ?? host,
    ...signing.extraHeaders,
  };
  const names = Object.keys(signed);
  const canonical = [
    method,
    signing.uri ?? '/',
    method === 'GET' ? query : '',
    names.map((name) => `${name}:${signed[name]}\n`).join(''),
    names.join(';'),
    sha256(
      signing.unsigned ? 'UNSIGNED-PAYLOAD' : method === 'GET' ? '' : body,
    ),
  ].join('\n');
  const scope = `${date}/${service}/tc3_request`;
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(canonical)}`;
  const key = hmac(
    hmac(hmac(`TC3${signing.key ?? SECRET_KEY}`, date), service),
    'tc3_request',
  );
  const signature = hmac(key, toSign).toString('hex');
  const headers: IncomingHttpHeaders = {
    host,
    'content-type': contentType,
    'x-tc-timestamp': timestamp,
    authorization:
      `TC3-HMAC-SHA256 Credential=${signing.secretId ?? SECRET_ID}/${scope}, ` +
      `SignedHeaders=${names.join(';')}, Signature=${signature}`,
    ...signing.extraHeaders,
  };
  if (signing.unsigned) headers['x-tc-content-sha256'] = 'UNSIGNED-PAYLOAD';
  if (signing.token !== undefined) headers['x-tc-token'] = signing.token;
  return {
    form: 'tc3',
    method,
    path: signing.path ?? '/',
    rawQuery: query,
    headers,
    rawBody: Buffer.from(method === 'GET' ? '' : body),
  };
}

describe('verifySignature()', () => {
  describe('when the Node SDK signs with TC3', () => {
    it('should accept a POST', async () => {
      const request = await sdk.request();
      await expect(verifySignature(request, options)).resolves.toEqual({
        secretId: SECRET_ID,
      });
    });

    it('should accept a GET', async () => {
      const request = await sdk.request({ reqMethod: 'GET' });
      expect(request.rawQuery).toContain('Filters.0.Values.0=');
      await expect(verifySignature(request, options)).resolves.toBeDefined();
    });

    it('should accept temporary credentials with their token', async () => {
      const request = await sdk.request({ token: TOKEN });
      const credentials = withToken;
      await expect(
        verifySignature(request, { ...options, credentials }),
      ).resolves.toBeDefined();
    });

    it('should accept an endpoint with a path', async () => {
      const endpoint = `127.0.0.1:${sdk.port}/hunyuan`;
      const request = await sdk.request({ endpoint });
      expect(request.path).toBe('/hunyuan/');
      await expect(verifySignature(request, options)).resolves.toBeDefined();
    });

    it('should accept a GET to an endpoint with a path', async () => {
      const endpoint = `127.0.0.1:${sdk.port}/hunyuan`;
      const request = await sdk.request({ endpoint, reqMethod: 'GET' });
      await expect(verifySignature(request, options)).resolves.toBeDefined();
    });

    it('should accept an endpoint named localhost', async () => {
      const request = await sdk.request({ endpoint: `localhost:${sdk.port}` });
      expect(request.headers.authorization).toContain(
        `/localhost:${sdk.port}/`,
      );
      await expect(verifySignature(request, options)).resolves.toBeDefined();
    });

    it('should accept an endpoint named localhost with a path', async () => {
      const endpoint = `localhost:${sdk.port}/hunyuan`;
      const request = await sdk.request({ endpoint });
      expect(request.headers.authorization).toContain(`/hunyuan/tc3_request`);
      await expect(verifySignature(request, options)).resolves.toBeDefined();
    });
  });

  describe('when a request is signed like the Python SDK', () => {
    it('should accept a POST', async () => {
      const request = tc3Request({ body: '{"Limit": 1, "Offset": 0}' });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should accept a GET', async () => {
      const request = tc3Request({
        method: 'GET',
        contentType: 'application/x-www-form-urlencoded',
        query: 'Limit=1&Filters.0.Values.0=web+1%2B2',
      });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should accept an unsigned payload', async () => {
      const request = tc3Request({ unsigned: true, body: '{"Limit": 1}' });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });
  });

  describe('when a request is signed like the Go SDK', () => {
    it('should accept a POST', async () => {
      const request = tc3Request({ body: '{"Limit":1,"Offset":0}' });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should accept an unsigned payload', async () => {
      const request = tc3Request({ unsigned: true });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });
  });

  describe('when a request is signed like the Java SDK', () => {
    const java = {
      contentType: 'application/json; charset=utf-8',
      service: '127',
      body: '{"Limit":1}',
    };

    it('should accept a POST', async () => {
      await expect(
        verifySignature(tc3Request(java), at),
      ).resolves.toBeDefined();
    });

    it('should accept an unsigned payload', async () => {
      const request = tc3Request({ ...java, unsigned: true });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });
  });

  describe('when header values differ in letter case', () => {
    it('should accept values signed in lower case, as documented', async () => {
      const request = tc3Request({
        contentType: 'Application/JSON',
        signedContentType: 'application/json',
      });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should accept values signed as sent', async () => {
      const contentType = 'application/json; charset=UTF-8';
      const request = tc3Request({ contentType });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });
  });

  describe('when more headers than content-type and host are signed', () => {
    const extraHeaders = { 'x-tc-action': 'DescribeInstances' };

    it('should accept the request', async () => {
      const request = tc3Request({ extraHeaders });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should refuse it when such a header changed', async () => {
      const request = tc3Request({ extraHeaders });
      request.headers['x-tc-action'] = 'TerminateInstances';
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when the timestamp is missing', () => {
    it('should answer MissingParameter naming Timestamp', async () => {
      const request = tc3Request();
      delete request.headers['x-tc-timestamp'];
      const error = await failure(request);
      expectApiError(error, 'MissingParameter');
      expect((error as Error).message).toBe(
        'The request is missing a required parameter `Timestamp`.',
      );
    });

    it('should answer MissingParameter before a missing Authorization', async () => {
      const request = tc3Request();
      delete request.headers['x-tc-timestamp'];
      delete request.headers.authorization;
      expectApiError(await failure(request), 'MissingParameter');
    });
  });

  describe('when the Authorization header is missing or malformed', () => {
    const stale = { timestamp: SECONDS - 3600, secretId: 'AKIDunknown' };
    const variants: Array<[string, (value: string) => string | undefined]> = [
      ['missing', () => undefined],
      ['empty', () => ''],
      [
        'of another algorithm',
        (v) => v.replace('TC3-HMAC-SHA256', 'HMAC-SHA256'),
      ],
      ['without a Signature', (v) => v.replace(/, Signature=.*/, '')],
      ['with a short signature', (v) => v.slice(0, -1)],
      ['with a non-hex signature', (v) => `${v.slice(0, -1)}g`],
      [
        'with a bad scope date',
        (v) => v.replace(/\/\d{4}-\d\d-\d\d\//, '/2024-6-1/'),
      ],
      ['without tc3_request', (v) => v.replace('tc3_request', 'request')],
      [
        'signing no host',
        (v) => v.replace('content-type;host', 'content-type'),
      ],
    ];

    it.each(variants)(
      'should answer AuthFailure.InvalidAuthorization when it is %s',
      async (_, change) => {
        const request = tc3Request(stale);
        const value = change(String(request.headers.authorization));
        if (value === undefined) delete request.headers.authorization;
        else request.headers.authorization = value;
        const error = await failure(request);
        expectApiError(error, 'AuthFailure.InvalidAuthorization');
      },
    );
  });

  describe('when the timestamp is stale', () => {
    it('should answer AuthFailure.SignatureExpire 301 s in the past', async () => {
      const request = tc3Request({ timestamp: SECONDS - 301 });
      expectApiError(await failure(request), 'AuthFailure.SignatureExpire');
    });

    it('should answer AuthFailure.SignatureExpire 301 s in the future', async () => {
      const request = tc3Request({ timestamp: SECONDS + 301 });
      expectApiError(await failure(request), 'AuthFailure.SignatureExpire');
    });

    it('should answer it before SecretIdNotFound', async () => {
      const request = tc3Request({
        timestamp: SECONDS - 301,
        secretId: 'AKIDunknown',
      });
      expectApiError(await failure(request), 'AuthFailure.SignatureExpire');
    });

    it('should answer it for a timestamp in milliseconds', async () => {
      const request = tc3Request({ timestamp: NOW, date: '2024-06-01' });
      expectApiError(await failure(request), 'AuthFailure.SignatureExpire');
    });
  });

  describe('when the timestamp is within the allowed skew', () => {
    it.each([-299, -300, 299, 300])(
      'should accept a request %i s off',
      async (offset) => {
        const request = tc3Request({ timestamp: SECONDS + offset });
        await expect(verifySignature(request, at)).resolves.toBeDefined();
      },
    );
  });

  describe('when the timestamp is not a number', () => {
    it('should answer InvalidParameter naming Timestamp', async () => {
      const request = tc3Request();
      request.headers['x-tc-timestamp'] = 'yesterday';
      const error = await failure(request);
      expectApiError(error, 'InvalidParameter');
      expect((error as Error).message).toContain('`Timestamp`');
    });
  });

  describe('when the SecretId is unknown', () => {
    it('should answer AuthFailure.SecretIdNotFound', async () => {
      const request = tc3Request({ secretId: 'AKIDunknown' });
      expectApiError(await failure(request), 'AuthFailure.SecretIdNotFound');
    });

    it('should not echo the SecretId', async () => {
      const request = tc3Request({ secretId: 'AKIDunknown' });
      const error = await failure(request);
      expect(isApiError(error) && error.localized).not.toContain('AKIDunknown');
      expect((error as Error).message).not.toContain('AKIDunknown');
    });

    it('should answer it before a token problem', async () => {
      const request = tc3Request({ secretId: 'AKIDunknown', token: 'x' });
      expectApiError(await failure(request), 'AuthFailure.SecretIdNotFound');
    });
  });

  describe('when the credential lookup fails', () => {
    it('should pass on what it throws', async () => {
      const thrown = new Error('database down');
      const credentials = () => {
        throw thrown;
      };
      await expect(
        verifySignature(tc3Request(), { ...at, credentials }),
      ).rejects.toBe(thrown);
    });

    it('should pass on what it rejects with', async () => {
      const thrown = new Error('database down');
      const credentials = () => Promise.reject(thrown);
      await expect(
        verifySignature(tc3Request(), { ...at, credentials }),
      ).rejects.toBe(thrown);
    });

    it('should have been asked for the SecretId of the header', async () => {
      const credentials = vi.fn(lookup({ secretKey: SECRET_KEY }));
      await verifySignature(tc3Request(), { ...at, credentials });
      expect(credentials).toHaveBeenCalledWith(SECRET_ID);
    });
  });

  describe('when the token does not match', () => {
    const temporary = { ...at, credentials: withToken };

    it('should answer AuthFailure.TokenFailure when it is missing', async () => {
      expectApiError(
        await failure(tc3Request(), temporary),
        'AuthFailure.TokenFailure',
      );
    });

    it('should answer AuthFailure.TokenFailure when it is wrong', async () => {
      const request = tc3Request({ token: `${TOKEN}x` });
      expectApiError(
        await failure(request, temporary),
        'AuthFailure.TokenFailure',
      );
    });

    it('should answer AuthFailure.TokenFailure when none is expected', async () => {
      const request = tc3Request({ token: TOKEN });
      expectApiError(await failure(request), 'AuthFailure.TokenFailure');
    });

    it('should answer it before a signature mismatch', async () => {
      const request = tc3Request({ token: 'x', key: 'another-key' });
      expectApiError(
        await failure(request, temporary),
        'AuthFailure.TokenFailure',
      );
    });

    it('should accept the right token', async () => {
      const request = tc3Request({ token: TOKEN });
      await expect(verifySignature(request, temporary)).resolves.toBeDefined();
    });
  });

  describe('when signed with another key', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = tc3Request({ key: 'another-key' });
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when the body changed after signing', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = tc3Request();
      request.rawBody = Buffer.from('{"Limit":2}');
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when the query of a GET changed after signing', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = tc3Request({
        method: 'GET',
        contentType: 'application/x-www-form-urlencoded',
        query: 'Limit=1',
      });
      request.rawQuery = 'Limit=2';
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when the scope date is not the date of the timestamp', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = tc3Request({ date: '2024-05-31' });
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when UNSIGNED-PAYLOAD was claimed after signing', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = tc3Request();
      request.headers['x-tc-content-sha256'] = 'UNSIGNED-PAYLOAD';
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when the Host is not the one signed', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = tc3Request();
      request.headers.host = 'example.com:3000';
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });
});
