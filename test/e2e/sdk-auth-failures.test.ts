import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_KEY, TEMPORARY_KEY } from '../helpers/example-keys.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import type { ClientOptions, CvmClient } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';
import { cvmPerTest } from './cvm-sdk-server.js';

// The server runs in this process: the clock a test moves for the SDK
// must be the real one again by the time the request is checked.
const cvm = cvmPerTest({ onRequest: () => vi.useRealTimers() });
afterEach(() => {
  vi.useRealTimers();
});

const TEN_MINUTES = 10 * 60_000;

/** Calls with the SDK's clock `offset` ms off, so it signs that time. */
async function signedAt(offset: number, call: () => Promise<unknown>) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + offset);
  return rejection(call());
}

const describeOne = (client: CvmClient) =>
  client.DescribeInstances({ Limit: 1 });

interface Case {
  when: string;
  code: string;
  client: ClientOptions;
  offset?: number;
}

const CASES: Case[] = [
  {
    when: 'the secret key is wrong',
    code: 'AuthFailure.SignatureFailure',
    client: { credential: { ...DEMO_KEY, secretKey: 'not-the-key' } },
  },
  {
    when: 'the SecretId is unknown',
    code: 'AuthFailure.SecretIdNotFound',
    client: { credential: { ...DEMO_KEY, secretId: 'AKIDunknown' } },
  },
  {
    when: 'a temporary key comes with the wrong token',
    code: 'AuthFailure.TokenFailure',
    client: { credential: { ...TEMPORARY_KEY, token: 'not-the-token' } },
  },
  {
    when: 'a temporary key comes without its token',
    code: 'AuthFailure.TokenFailure',
    client: {
      credential: {
        secretId: TEMPORARY_KEY.secretId,
        secretKey: TEMPORARY_KEY.secretKey,
      },
    },
  },
  {
    when: 'the request was signed 10 minutes ago',
    code: 'AuthFailure.SignatureExpire',
    client: {},
    offset: -TEN_MINUTES,
  },
  {
    when: 'the request was signed 10 minutes ahead',
    code: 'AuthFailure.SignatureExpire',
    client: {},
    offset: TEN_MINUTES,
  },
];

const METHODS: [string, ClientOptions][] = [
  ['TC3-HMAC-SHA256', {}],
  ['HmacSHA1', { signMethod: 'HmacSHA1' }],
  ['HmacSHA256 over GET', { signMethod: 'HmacSHA256', reqMethod: 'GET' }],
];

describe.each(METHODS)('the official CVM client with %s', (_, method) => {
  describe.each(CASES)('when $when', ({ code, client, offset = 0 }) => {
    it(`should reach the SDK as ${code}`, async () => {
      const sdk = cvm.client({ ...method, ...client });
      const error = await signedAt(offset, () => describeOne(sdk));
      expect(error).toMatchObject({
        code,
        message: expect.stringMatching(/\S/),
        requestId: expect.stringMatching(UUID),
      });
    });

    it('should reach it as an API error, not an HTTP one', async () => {
      const sdk = cvm.client({ ...method, ...client });
      const error = await signedAt(offset, () => describeOne(sdk));
      expect(error.httpCode).toBeUndefined();
    });
  });

  describe('when the request was signed 4 minutes ago', () => {
    it('should still be served', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() - 4 * 60_000);
      const result = await describeOne(cvm.client(method));
      expect(result.InstanceSet).toHaveLength(1);
    });
  });
});
