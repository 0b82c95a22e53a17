import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from './helpers/close-after-each.js';
import { EXPRESS_VERSIONS } from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import { listen } from './helpers/gateway-upstreams.js';

const track = closeAfterEach();

const EVENT_1 = 'data: {"Choices":[{"Delta":{"Content":"he"}}],"Id":"1"}\n\n';
const EVENT_2 =
  'data: {"Choices":[{"Delta":{"Content":"llo"},"FinishReason":"stop"}],"Id":"1"}\n\n';

/**
 * An upstream that streams EVENT_1 and sends EVENT_2 only once `release`
 * is called, so a client that sees EVENT_1 before then proves the gateway
 * does not hold the stream back.
 */
async function streamingUpstream() {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = await track(
    listen((req, res) => {
      req.resume();
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-cache',
        'X-TC-RequestId': 'stream-id-1',
      });
      res.write(EVENT_1);
      void released.then(() => res.end(EVENT_2));
    }),
  );
  return { server, release };
}

describe.each(EXPRESS_VERSIONS)('tcapiProxy() on %s', (_name, express) => {
  describe('when the upstream answers an event stream', () => {
    it('should pass each event on as it comes, untouched', async () => {
      const { server, release } = await streamingUpstream();
      const gateway = await track(listen(gatewayApp(express, server.url)));
      const seen = await new Promise<{
        headers: http.IncomingHttpHeaders;
        first: string;
        all: string;
      }>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: gateway.port, method: 'POST', path: '/' },
          (res) => {
            let all = '';
            let first = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              all += chunk;
              if (!first) {
                first = all;
                release();
              }
            });
            res.on('end', () => resolve({ headers: res.headers, first, all }));
          },
        );
        req.on('error', reject);
        req.end('{"Stream":true}');
      });
      expect(seen.first).toBe(EVENT_1);
      expect(seen.all).toBe(EVENT_1 + EVENT_2);
      expect(seen.headers['content-type']).toBe('text/event-stream');
      expect(seen.headers['cache-control']).toBe('no-cache');
      expect(seen.headers['x-tc-requestid']).toBe('stream-id-1');
    });
  });
});
