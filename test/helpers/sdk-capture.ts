import { afterAll, beforeAll } from 'vitest';
import type { SignedRequest } from '../../src/protocol/signature/verify.js';
import {
  raw,
  upstream,
  type Listening,
  type Seen,
} from './gateway-upstreams.js';
import { cvmClient, unsetProxyVariables } from './sdk-clients.js';

/** How the official SDK signs and sends one call; TC3 over POST by default. */
export interface SdkCall {
  /** A v1 method; TC3-HMAC-SHA256 when left out. */
  signMethod?: 'HmacSHA1' | 'HmacSHA256';
  reqMethod?: 'GET' | 'POST';
  /** Where the SDK sends it; the capturing server by default. */
  endpoint?: string;
  token?: string;
}

/** A loopback server that records what the official SDK sends. */
export interface SdkCapture {
  /** The server's port, once the file's tests have started. */
  readonly port: number;
  /** What the SDK sent for one DescribeInstances call, ready to verify. */
  request(call?: SdkCall): Promise<SignedRequest>;
}

/**
 * Starts, for the tests of the file, a loopback server that records each
 * request and answers it with an empty envelope; `request()` has the
 * official CVM client, signing with `key`, send it one call.
 */
export function sdkCapture(key: {
  secretId: string;
  secretKey: string;
}): SdkCapture {
  let server: Listening & { seen: Seen[] };
  beforeAll(async () => {
    unsetProxyVariables();
    server = await upstream(
      raw(200, '{"Response":{"RequestId":"x"}}', {
        'Content-Type': 'application/json',
      }),
    );
  });
  afterAll(() => server.close());
  return {
    get port() {
      return server.port;
    },
    async request(call = {}) {
      const client = cvmClient(call.endpoint ?? `127.0.0.1:${server.port}`, {
        credential: { ...key, token: call.token },
        ...(call.signMethod && { signMethod: call.signMethod }),
        ...(call.reqMethod && { reqMethod: call.reqMethod }),
      });
      const before = server.seen.length;
      await client.DescribeInstances({
        Limit: 1,
        Filters: [{ Name: 'instance-name', Values: ['web 1+2/未命名'] }],
      });
      const seen = server.seen[before];
      if (seen === undefined) throw new Error('The SDK sent nothing.');
      return signedRequest(seen, call.signMethod !== undefined);
    },
  };
}

/** A request as the server read it, in the form verifySignature() takes. */
function signedRequest(seen: Seen, v1: boolean): SignedRequest {
  const [path = '', rawQuery = ''] = seen.url.split(/\?(.*)/s);
  const request: SignedRequest = {
    form: v1 ? 'v1' : 'tc3',
    method: seen.method,
    path,
    rawQuery,
    headers: seen.headers,
    rawBody: seen.body,
  };
  if (!v1) return request;
  const form = seen.method === 'GET' ? rawQuery : seen.body.toString();
  return {
    ...request,
    v1Params: Object.fromEntries(new URLSearchParams(form)),
  };
}
