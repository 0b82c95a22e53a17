import http from 'node:http';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../example-app/gateway/app.js';
import { tc3Authorization } from '../helpers/protocol-sign.js';
import { listen, type Listening } from '../helpers/gateway-upstreams.js';

const KEYS = {
  AKIDgatewayLimitsA: 'gateway-limits-key-a',
  AKIDgatewayLimitsB: 'gateway-limits-key-b',
};

// An upstream that answers an envelope after a pause, so that a client
// can give up while its request is still in flight.
const slowUpstream = () =>
  listen((_req, res) => {
    setTimeout(() => {
      res.setHeader('Content-Type', 'application/json');
      res.end('{"Response":{"RequestId":"upstream-1"}}');
    }, 300);
  });

function send(port: number, secretId: keyof typeof KEYS) {
  const timestamp = Math.floor(Date.now() / 1000);
  const host = `127.0.0.1:${port}`;
  const authorization = tc3Authorization({
    secretId,
    secretKey: KEYS[secretId],
    method: 'POST',
    canonicalUri: '/',
    query: '',
    headers: { 'content-type': 'application/json', host },
    body: '{}',
    timestamp,
    service: 'cvm',
  });
  return http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/',
    headers: {
      Host: host,
      'Content-Type': 'application/json',
      'X-TC-Action': 'DescribeInstances',
      'X-TC-Version': '2017-03-12',
      'X-TC-Timestamp': String(timestamp),
      Authorization: authorization,
    },
  });
}

async function answer(req: http.ClientRequest): Promise<string> {
  req.end('{}');
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  let text = '';
  for await (const chunk of res) text += chunk;
  return text;
}

describe('the example gateway rate limits', () => {
  const servers: Listening[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  describe('when a client with a proven key aborts its requests', () => {
    it('should not count them against its address', async () => {
      const upstream = await slowUpstream();
      const gateway = await listen(
        createGateway({
          upstream: upstream.url,
          credentials: KEYS,
          rateLimitPerMinute: 2,
        }),
      );
      servers.push(upstream, gateway);
      for (let i = 0; i < 2; i += 1) {
        const aborted = send(gateway.port, 'AKIDgatewayLimitsA');
        aborted.on('error', () => undefined);
        aborted.end('{}');
        await new Promise((resolve) => setTimeout(resolve, 100));
        aborted.destroy();
      }
      const text = await answer(send(gateway.port, 'AKIDgatewayLimitsB'));
      expect(JSON.parse(text)).toEqual({
        Response: { RequestId: 'upstream-1' },
      });
    });
  });
});
