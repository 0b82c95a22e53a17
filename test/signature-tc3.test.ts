import { describe, expect, it } from 'vitest';
import {
  canonicalRequest,
  parseAuthorization,
  payloadHash,
  sha256Hex,
  stringToSign,
  tc3Signature,
  type Tc3Input,
} from '../src/protocol/signature/tc3.js';
import { verifySignature } from '../src/protocol/signature/verify.js';
import { expectApiError } from './helpers/expect-api-error.js';

// The example of Tencent Cloud's "Signature v3" documentation.
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const TIMESTAMP = 1551113065;
// The body holds a literal backslash-u escape, as Python's json.dumps
// writes it.
const BODY =
  String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], ` +
  String.raw`"Name": "instance-name"}]}`;
const SIGNATURE =
  '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';

const vector: Tc3Input = {
  method: 'POST',
  canonicalUri: '/',
  canonicalQuery: '',
  headers: [
    ['content-type', 'application/json; charset=utf-8'],
    ['host', 'cvm.tencentcloudapi.com'],
  ],
  payloadHash: payloadHash(Buffer.from(BODY), false),
  timestamp: String(TIMESTAMP),
  date: '2019-02-25',
  service: 'cvm',
};

const authorization = (signature = SIGNATURE) =>
  `TC3-HMAC-SHA256 Credential=${SECRET_ID}/2019-02-25/cvm/tc3_request, ` +
  `SignedHeaders=content-type;host, Signature=${signature}`;

describe('tc3Signature()', () => {
  describe('when given the documented example', () => {
    it('should hash the payload as documented', () => {
      expect(vector.payloadHash).toBe(
        '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
      );
    });

    it('should hash the canonical request as documented', () => {
      expect(sha256Hex(canonicalRequest(vector))).toBe(
        '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
      );
    });

    it('should build the documented string to sign', () => {
      expect(stringToSign(vector)).toBe(
        'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n' +
          '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
      );
    });

    it('should produce the documented signature', () => {
      expect(tc3Signature(SECRET_KEY, vector)).toBe(SIGNATURE);
    });
  });

  describe('when the payload is unsigned', () => {
    it('should hash the string UNSIGNED-PAYLOAD instead of the body', () => {
      expect(payloadHash(Buffer.from(BODY), true)).toBe(
        sha256Hex('UNSIGNED-PAYLOAD'),
      );
    });
  });
});

describe('verifySignature()', () => {
  describe('when given the documented example request', () => {
    it('should accept it and name its SecretId', async () => {
      const result = await verifySignature(
        {
          form: 'tc3',
          method: 'POST',
          path: '/',
          rawQuery: '',
          headers: {
            host: 'cvm.tencentcloudapi.com',
            'content-type': 'application/json; charset=utf-8',
            'x-tc-timestamp': String(TIMESTAMP),
            authorization: authorization(),
          },
          rawBody: Buffer.from(BODY),
        },
        {
          credentials: (id) =>
            id === SECRET_ID ? { secretKey: SECRET_KEY } : undefined,
          maxSkewSeconds: 300,
          now: () => TIMESTAMP * 1000,
        },
      );
      expect(result).toEqual({ secretId: SECRET_ID });
    });

    it('should refuse it once one byte of the body changed', async () => {
      const error = await verifySignature(
        {
          form: 'tc3',
          method: 'POST',
          path: '/',
          rawQuery: '',
          headers: {
            host: 'cvm.tencentcloudapi.com',
            'content-type': 'application/json; charset=utf-8',
            'x-tc-timestamp': String(TIMESTAMP),
            authorization: authorization(),
          },
          rawBody: Buffer.from(BODY.replace('"Limit": 1', '"Limit": 2')),
        },
        {
          credentials: () => ({ secretKey: SECRET_KEY }),
          maxSkewSeconds: 300,
          now: () => TIMESTAMP * 1000,
        },
      ).catch((caught: unknown) => caught);
      expectApiError(error, 'AuthFailure.SignatureFailure');
    });
  });
});

describe('parseAuthorization()', () => {
  describe('when the header is well formed', () => {
    it('should read every part', () => {
      expect(parseAuthorization(authorization())).toEqual({
        secretId: SECRET_ID,
        date: '2019-02-25',
        service: 'cvm',
        signedHeaders: ['content-type', 'host'],
        signature: SIGNATURE,
      });
    });

    it('should read an upper-case signature as lower-case', () => {
      const parsed = parseAuthorization(authorization(SIGNATURE.toUpperCase()));
      expect(parsed?.signature).toBe(SIGNATURE);
    });

    it('should read the parts in any order', () => {
      const parsed = parseAuthorization(
        `TC3-HMAC-SHA256 Signature=${SIGNATURE}, ` +
          `SignedHeaders=content-type;host, ` +
          `Credential=${SECRET_ID}/2019-02-25/cvm/tc3_request`,
      );
      expect(parsed?.secretId).toBe(SECRET_ID);
    });

    it('should read the service the Node SDK names after a local endpoint', () => {
      const parsed = parseAuthorization(
        authorization().replace('/cvm/', '/localhost:3000/api/'),
      );
      expect(parsed?.service).toBe('localhost:3000/api');
    });

    it('should read more signed headers than the two required', () => {
      const parsed = parseAuthorization(
        authorization().replace(
          'content-type;host',
          'content-type;host;x-tc-action',
        ),
      );
      expect(parsed?.signedHeaders).toEqual([
        'content-type',
        'host',
        'x-tc-action',
      ]);
    });
  });

  describe('when the header is missing or malformed', () => {
    const good = authorization();
    const headers = (list: string) => good.replace('content-type;host', list);
    const cases: Array<[string, string | undefined]> = [
      ['an absent header', undefined],
      ['an empty header', ''],
      ['another algorithm', good.replace('TC3-HMAC-SHA256', 'TC3-HMAC-SHA1')],
      [
        'a lower-case algorithm',
        good.replace('TC3-HMAC-SHA256', 'tc3-hmac-sha256'),
      ],
      ['no space after the algorithm', good.replace('SHA256 ', 'SHA256')],
      ['only the algorithm', 'TC3-HMAC-SHA256'],
      ['no Credential', good.replace(/Credential=[^,]*, /, '')],
      ['no SignedHeaders', good.replace(/SignedHeaders=[^,]*, /, '')],
      ['no Signature', good.replace(/, Signature=.*$/, '')],
      ['a part twice', `${good}, Signature=${SIGNATURE}`],
      ['an unknown part', `${good}, Extra=1`],
      ['an empty part', good.replace(', Signature', ',, Signature')],
      ['a part without a value', good.replace(/Signature=.*$/, 'Signature=')],
      ['a non-hex signature', authorization(`${'z'.repeat(64)}`)],
      ['a signature one digit short', authorization(SIGNATURE.slice(1))],
      ['a signature one digit long', authorization(`${SIGNATURE}0`)],
      ['a base64 signature', authorization('EliP9YW3pW28FpsEdkXt/+WcGeI=')],
      ['a date without leading zeros', good.replace('2019-02-25', '2019-2-25')],
      ['a date in month 13', good.replace('2019-02-25', '2019-13-01')],
      ['a compact date', good.replace('2019-02-25', '20190225')],
      ['no service', good.replace('/cvm/', '/')],
      ['an empty service label', good.replace('/cvm/', '/cvm//')],
      ['a service with spaces', good.replace('/cvm/', '/c m/')],
      [
        'a scope not ending in tc3_request',
        good.replace('tc3_request', 'aws4_request'),
      ],
      ['an empty SecretId', good.replace(SECRET_ID, '')],
      [
        'a SecretId of 129 characters',
        good.replace(SECRET_ID, 'A'.repeat(129)),
      ],
      [
        'a service of 129 characters',
        good.replace('/cvm/', `/${'s'.repeat(129)}/`),
      ],
      ['a header of more than 1024 characters', `${good}${' '.repeat(1024)}`],
      ['signed headers without host', headers('content-type')],
      ['signed headers without content-type', headers('host')],
      ['an upper-case signed header', headers('Content-Type;host')],
      ['a signed header twice', headers('content-type;host;host')],
      ['an empty signed header', headers('content-type;;host')],
      [
        '17 signed headers',
        headers(
          ['content-type', 'host']
            .concat(Array.from({ length: 15 }, (_, i) => `x-h${i}`))
            .join(';'),
        ),
      ],
    ];

    it.each(cases)('should refuse %s', (_, value) => {
      expect(parseAuthorization(value)).toBeUndefined();
    });
  });
});
