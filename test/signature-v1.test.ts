import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  v1Method,
  v1Signature,
  v1SignString,
} from '../src/protocol/signature/v1.js';
import {
  verifySignature,
  type Credential,
  type SignedRequest,
} from '../src/protocol/signature/verify.js';
import { expectApiError } from './helpers/expect-api-error.js';
import { v1Sign } from './helpers/protocol-sign.js';
import { sdkCapture, type SdkCall } from './helpers/sdk-capture.js';

// The SDK's own signing code, to check ours against it.
const require = createRequire(import.meta.url);
const { default: Sign } =
  require('tencentcloud-sdk-nodejs-common/tencentcloud/common/sign.js') as {
    default: { sign(key: string, text: string, method: string): string };
  };
const { AbstractClient } =
  require('tencentcloud-sdk-nodejs-common/tencentcloud/common/abstract_client.js') as {
    AbstractClient: { prototype: { formatSignString: FormatSignString } };
  };
type FormatSignString = (params: Record<string, unknown>) => string;

// The example of Tencent Cloud's "Signature" (v1) documentation.
const DOC_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const DOC_PARAMS = {
  Action: 'DescribeInstances',
  'InstanceIds.0': 'ins-09dx96dg',
  Limit: '20',
  Nonce: '11886',
  Offset: '0',
  Region: 'ap-guangzhou',
  SecretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  Timestamp: '1465185768',
  Version: '2017-03-12',
};
const DOC_SIGN_STRING =
  'GETcvm.tencentcloudapi.com/?Action=DescribeInstances' +
  '&InstanceIds.0=ins-09dx96dg&Limit=20&Nonce=11886&Offset=0' +
  '&Region=ap-guangzhou&SecretId=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE' +
  '&Timestamp=1465185768&Version=2017-03-12';
const DOC_INPUT = {
  method: 'GET',
  host: 'cvm.tencentcloudapi.com',
  path: '/',
  params: DOC_PARAMS,
};

const SECRET_ID = 'AKIDexpresstcapiv1';
const SECRET_KEY = 'express-tcapi-v1-secret-key';
const TOKEN = 'express-tcapi-v1-token';
const NOW = Date.parse('2024-06-01T00:00:00Z');

describe('v1SignString()', () => {
  it('should build the documented sign string', () => {
    expect(v1SignString(DOC_INPUT)).toBe(DOC_SIGN_STRING);
  });

  it('should leave Signature out', () => {
    const params = { ...DOC_PARAMS, Signature: 'x' };
    expect(v1SignString({ ...DOC_INPUT, params })).toBe(DOC_SIGN_STRING);
  });

  it('should match the Node SDK formatting the same parameters', () => {
    const sdk = AbstractClient.prototype.formatSignString.call(
      {
        endpoint: '127.0.0.1:3000',
        path: '/',
        profile: { httpProfile: { reqMethod: 'POST' } },
      },
      { ...DOC_PARAMS },
    );
    const input = { ...DOC_INPUT, method: 'POST', host: '127.0.0.1:3000' };
    expect(v1SignString(input)).toBe(sdk);
  });
});

describe('v1Signature()', () => {
  describe('with HmacSHA1', () => {
    it('should produce the documented signature', () => {
      expect(v1Signature(DOC_KEY, DOC_SIGN_STRING, 'HmacSHA1')).toBe(
        'EliP9YW3pW28FpsEdkXt/+WcGeI=',
      );
    });

    it('should match the Node SDK', () => {
      expect(v1Signature(DOC_KEY, DOC_SIGN_STRING, 'HmacSHA1')).toBe(
        Sign.sign(DOC_KEY, DOC_SIGN_STRING, 'HmacSHA1'),
      );
    });
  });

  describe('with HmacSHA256', () => {
    it('should be the base64 HMAC-SHA256 of the sign string', () => {
      const expected = createHmac('sha256', DOC_KEY)
        .update(DOC_SIGN_STRING)
        .digest('base64');
      expect(v1Signature(DOC_KEY, DOC_SIGN_STRING, 'HmacSHA256')).toBe(
        expected,
      );
    });

    it('should match the Node SDK', () => {
      const text = `${DOC_SIGN_STRING}&Language=zh-CN&Note=未命名`;
      expect(v1Signature(DOC_KEY, text, 'HmacSHA256')).toBe(
        Sign.sign(DOC_KEY, text, 'HmacSHA256'),
      );
    });
  });
});

describe('v1Method()', () => {
  it('should choose HmacSHA1 when SignatureMethod is absent', () => {
    expect(v1Method(undefined)).toBe('HmacSHA1');
  });

  it('should refuse a method it does not know', () => {
    expect(v1Method('hmacsha256')).toBeUndefined();
  });
});

// A loopback server that records what the official SDK sends.
const sdk = sdkCapture({ secretId: SECRET_ID, secretKey: SECRET_KEY });

const lookup = (credential: Credential) => (id: string) =>
  id === SECRET_ID ? credential : undefined;
const options = {
  credentials: lookup({ secretKey: SECRET_KEY }),
  maxSkewSeconds: 300,
};

describe('verifySignature()', () => {
  describe('when the Node SDK signs v1', () => {
    const calls: SdkCall[] = [
      { signMethod: 'HmacSHA1', reqMethod: 'GET' },
      { signMethod: 'HmacSHA1', reqMethod: 'POST' },
      { signMethod: 'HmacSHA256', reqMethod: 'GET' },
      { signMethod: 'HmacSHA256', reqMethod: 'POST' },
    ];

    it.each(calls)(
      'should accept $signMethod over $reqMethod',
      async (call) => {
        const request = await sdk.request(call);
        expect(request.v1Params?.SignatureMethod).toBe(call.signMethod);
        await expect(verifySignature(request, options)).resolves.toEqual({
          secretId: SECRET_ID,
        });
      },
    );

    it('should accept an endpoint with a path', async () => {
      const request = await sdk.request({
        signMethod: 'HmacSHA256',
        reqMethod: 'GET',
        endpoint: `127.0.0.1:${sdk.port}/hunyuan`,
      });
      expect(request.path).toBe('/hunyuan/');
      await expect(verifySignature(request, options)).resolves.toBeDefined();
    });

    it('should accept an endpoint named localhost', async () => {
      const request = await sdk.request({
        signMethod: 'HmacSHA1',
        reqMethod: 'POST',
        endpoint: `localhost:${sdk.port}`,
      });
      await expect(verifySignature(request, options)).resolves.toBeDefined();
    });

    it('should accept temporary credentials with their token', async () => {
      const request = await sdk.request({
        signMethod: 'HmacSHA256',
        reqMethod: 'POST',
        token: TOKEN,
      });
      const credentials = lookup({ secretKey: SECRET_KEY, token: TOKEN });
      await expect(
        verifySignature(request, { ...options, credentials }),
      ).resolves.toBeDefined();
    });

    it('should refuse a changed parameter with SignatureFailure', async () => {
      const request = await sdk.request({
        signMethod: 'HmacSHA1',
        reqMethod: 'GET',
      });
      const v1Params = { ...request.v1Params, Limit: '100' };
      const error = await verifySignature(
        { ...request, v1Params },
        options,
      ).catch((caught: unknown) => caught);
      expectApiError(error, 'AuthFailure.SignatureFailure');
    });
  });

  // Requests built here, from the documented algorithm, at a fixed time.
  const host = '127.0.0.1:3000';
  function signed(
    params: Record<string, string>,
    change: {
      key?: string;
      host?: string;
      method?: 'HmacSHA1' | 'HmacSHA256';
    } = {},
  ): SignedRequest {
    const all: Record<string, string> = {
      Action: 'DescribeInstances',
      Version: '2017-03-12',
      Region: 'ap-guangzhou',
      Timestamp: String(NOW / 1000),
      Nonce: '11886',
      SecretId: SECRET_ID,
      ...params,
    };
    // Empty parameters stay out of the signature, as Go leaves them.
    const signedParams = Object.fromEntries(
      Object.entries(all).filter(([, value]) => value !== ''),
    );
    const signature = v1Sign(
      change.key ?? SECRET_KEY,
      'GET',
      change.host ?? host,
      '/',
      signedParams,
      change.method,
    );
    return {
      form: 'v1',
      method: 'GET',
      path: '/',
      rawQuery: '',
      headers: { host },
      rawBody: Buffer.alloc(0),
      v1Params: { Signature: signature, ...all },
    };
  }
  const at = { ...options, now: () => NOW };
  const failure = (request: SignedRequest, opts = at) =>
    verifySignature(request, opts).catch((caught: unknown) => caught);

  describe('when a request is signed as documented', () => {
    it('should accept it', async () => {
      await expect(verifySignature(signed({}), at)).resolves.toEqual({
        secretId: SECRET_ID,
      });
    });

    it('should accept HmacSHA256 when SignatureMethod asks for it', async () => {
      const request = signed(
        { SignatureMethod: 'HmacSHA256' },
        { method: 'HmacSHA256' },
      );
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should accept a host signed without its port', async () => {
      const request = signed({}, { host: '127.0.0.1' });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should accept empty parameters left unsigned, as Go does', async () => {
      const request = signed({ Region: '', Language: '' });
      await expect(verifySignature(request, at)).resolves.toBeDefined();
    });

    it('should name the empty parameters it did not find signed', async () => {
      const request = signed({ Region: '', Language: '' });
      const verified = await verifySignature(request, at);
      expect([...(verified.unsignedParameters ?? [])].sort()).toEqual([
        'Language',
        'Region',
      ]);
    });

    it('should accept a signature whose + arrived as a space', async () => {
      const request = Array.from({ length: 50 }, (_, n) =>
        signed({ Nonce: String(n + 1) }),
      ).find((built) => built.v1Params?.Signature?.includes('+'));
      if (request?.v1Params?.Signature === undefined) {
        throw new Error('No signature with a + in 50 nonces.');
      }
      const Signature = request.v1Params.Signature.replaceAll('+', ' ');
      const v1Params = { ...request.v1Params, Signature };
      await expect(
        verifySignature({ ...request, v1Params }, at),
      ).resolves.toBeDefined();
    });
  });

  describe('when a required parameter is missing', () => {
    it.each(['Timestamp', 'Nonce', 'SecretId', 'Signature'])(
      'should answer MissingParameter naming %s',
      async (name) => {
        const request = signed({});
        const v1Params = { ...request.v1Params };
        delete v1Params[name];
        const error = await failure({ ...request, v1Params });
        expectApiError(error, 'MissingParameter');
        expect((error as Error).message).toContain(`\`${name}\``);
      },
    );

    it('should report it before a stale timestamp or an unknown SecretId', async () => {
      const request = signed({ SecretId: 'AKIDunknown', Timestamp: '1' });
      const v1Params = { ...request.v1Params };
      delete v1Params.Nonce;
      expectApiError(
        await failure({ ...request, v1Params }),
        'MissingParameter',
      );
    });
  });

  describe('when the timestamp is stale', () => {
    it('should answer AuthFailure.SignatureExpire before SecretIdNotFound', async () => {
      const request = signed({
        SecretId: 'AKIDunknown',
        Timestamp: String(NOW / 1000 - 301),
      });
      expectApiError(await failure(request), 'AuthFailure.SignatureExpire');
    });
  });

  describe('when the timestamp is not a number', () => {
    it('should answer InvalidParameter', async () => {
      const request = signed({ Timestamp: '2024-06-01T00:00:00Z' });
      expectApiError(await failure(request), 'InvalidParameter');
    });
  });

  describe('when the SecretId is unknown', () => {
    it('should answer AuthFailure.SecretIdNotFound', async () => {
      const request = signed({ SecretId: 'AKIDunknown' });
      expectApiError(await failure(request), 'AuthFailure.SecretIdNotFound');
    });
  });

  describe('when the token does not match', () => {
    it('should answer AuthFailure.TokenFailure', async () => {
      const request = signed({ Token: 'not-the-token' });
      const credentials = lookup({ secretKey: SECRET_KEY, token: TOKEN });
      const error = await failure(request, { ...at, credentials });
      expectApiError(error, 'AuthFailure.TokenFailure');
    });
  });

  describe('when signed with another key', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = signed({}, { key: 'another-key' });
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when SignatureMethod is unknown', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = signed({ SignatureMethod: 'HmacMD5' });
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });

  describe('when an HmacSHA1 signature claims HmacSHA256', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const request = signed({ SignatureMethod: 'HmacSHA256' });
      expectApiError(await failure(request), 'AuthFailure.SignatureFailure');
    });
  });
});
