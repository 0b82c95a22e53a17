import { describe, expect, it } from 'vitest';
import { DEMO_KEY } from '../helpers/example-keys.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import {
  sendRaw,
  sendSigned,
  signedHeaders,
  type SignedCall,
} from '../helpers/signed-calls.js';
import { cvmPerTest } from './cvm-sdk-server.js';

const cvm = cvmPerTest();

const call = (extra: Partial<SignedCall> = {}): SignedCall => ({
  ...DEMO_KEY,
  action: 'DescribeInstances',
  host: cvm.host,
  body: '{"Limit":1}',
  ...extra,
});

describe('signedHeaders(), the test helper', () => {
  describe('when given the official example', () => {
    it('should give the published signature', () => {
      const { Authorization } = signedHeaders({
        secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
        secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
        action: 'DescribeInstances',
        contentType: 'application/json; charset=utf-8',
        host: 'cvm.tencentcloudapi.com',
        body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
        timestamp: 1551113065,
      });
      const signature = Authorization?.split('Signature=')[1];
      expect(signature).toBe(
        '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
      );
    });
  });
});

// How the other official SDKs sign when pointed at a local server
// (protocol.md, section 2): each must be accepted.
describe.each<[string, Partial<SignedCall>]>([
  ['Python: host with its port, service cvm, URI /', {}],
  [
    'Go: a GET with the query signed as sent',
    {
      method: 'GET',
      query:
        'Limit=1&Filters.0.Name=zone&' +
        'Filters.0.Values.0=ap-guangzhou-6&Filters.0.Values.1=ap-guangzhou-7',
    },
  ],
  [
    'Java: a charset in Content-Type, service from the endpoint',
    { contentType: 'application/json; charset=utf-8', service: '127' },
  ],
  [
    'an unsigned payload (X-TC-Content-SHA256: UNSIGNED-PAYLOAD)',
    { unsignedPayload: true },
  ],
  ['Node: host without its port', { hostWithoutPort: true, service: '127' }],
])('a request signed the way of %s', (_, extra) => {
  it('should be served', async () => {
    const response = await sendSigned(call(extra));
    expect(response.Error).toBeUndefined();
    expect(response.InstanceSet).toHaveLength(1);
    expect(response.RequestId).toMatch(UUID);
  });
});

describe('a raw request', () => {
  describe('when its body was changed after signing', () => {
    it('should answer AuthFailure.SignatureFailure', async () => {
      const response = await sendSigned(
        call({ signedBody: '{"Limit":1}', body: '{"Limit":2}' }),
      );
      expect(response.Error?.Code).toBe('AuthFailure.SignatureFailure');
      expect(response.Error?.Message).toMatch(/\S/);
      expect(response.RequestId).toMatch(UUID);
    });
  });

  describe.each([
    ['is not TC3 at all', 'Bearer abc'],
    ['has no signature', `TC3-HMAC-SHA256 Credential=${DEMO_KEY.secretId}`],
  ])('when its Authorization %s', (_, authorization) => {
    it('should answer AuthFailure.InvalidAuthorization', async () => {
      const headers = {
        ...signedHeaders(call()),
        Authorization: authorization,
      };
      const response = await sendRaw(cvm.host, { headers, body: '{}' });
      expect(response.Error).toEqual({
        Code: 'AuthFailure.InvalidAuthorization',
        Message: 'The `Authorization` header is missing or malformed.',
      });
      expect(response.RequestId).toMatch(UUID);
    });
  });

  describe('when it has no X-TC-Timestamp', () => {
    it('should answer MissingParameter naming Timestamp', async () => {
      const { 'X-TC-Timestamp': _, ...headers } = signedHeaders(call());
      const body = '{"Limit":1}';
      const response = await sendRaw(cvm.host, { headers, body });
      expect(response.Error).toEqual({
        Code: 'MissingParameter',
        Message: 'The request is missing a required parameter `Timestamp`.',
      });
      expect(response.RequestId).toMatch(UUID);
    });
  });
});
