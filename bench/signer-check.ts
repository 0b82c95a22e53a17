import { strictEqual } from 'node:assert/strict';
import { tc3Authorization } from './tc3-sign.js';
import { v1Signature } from './v1-sign.js';

// The examples of Tencent Cloud's signature documentation.
const DOC_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const DOC_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
const TC3_SIGNATURE =
  '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168';
// A literal backslash-u escape, as Python's json.dumps writes it.
const TC3_BODY =
  String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], ` +
  String.raw`"Name": "instance-name"}]}`;
const V1_SIGNATURE = 'EliP9YW3pW28FpsEdkXt/+WcGeI=';

/** Fails unless both bench signers reproduce the documented signatures. */
export function checkSigners(): void {
  const authorization = tc3Authorization({
    secretId: DOC_ID,
    secretKey: DOC_KEY,
    host: 'cvm.tencentcloudapi.com',
    contentType: 'application/json; charset=utf-8',
    body: TC3_BODY,
    timestamp: 1551113065,
    service: 'cvm',
  });
  strictEqual(
    authorization,
    `TC3-HMAC-SHA256 Credential=${DOC_ID}/2019-02-25/cvm/tc3_request, ` +
      `SignedHeaders=content-type;host, Signature=${TC3_SIGNATURE}`,
    'TC3 signer: the documented example',
  );
  const v1 = v1Signature({
    method: 'GET',
    host: 'cvm.tencentcloudapi.com',
    params: {
      Action: 'DescribeInstances',
      'InstanceIds.0': 'ins-09dx96dg',
      Limit: '20',
      Nonce: '11886',
      Offset: '0',
      Region: 'ap-guangzhou',
      SecretId: DOC_ID,
      Timestamp: '1465185768',
      Version: '2017-03-12',
    },
    secretKey: DOC_KEY,
    algorithm: 'sha1',
  });
  strictEqual(v1, V1_SIGNATURE, 'v1 signer: the documented example');
}
