import { describe, expect, it, vi } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each.js';
import { TEMPORARY_KEY } from '../helpers/example-keys.js';
import { UUID_V4 as UUID } from '../helpers/express-versions.js';
import {
  hostOf,
  startBackend,
  startGateway,
} from '../helpers/gateway-example.js';
import {
  listen,
  raw,
  refusingPort,
  upstream,
} from '../helpers/gateway-upstreams.js';
import { cvmClient, unsetProxyVariables } from '../helpers/sdk-clients.js';
import { rejection } from '../helpers/sdk-errors.js';

const track = closeAfterEach();

/** The example backend with the example gateway in front of it. */
async function pair(options: Parameters<typeof startGateway>[1] = {}) {
  unsetProxyVariables();
  const backend = await track(startBackend());
  const gateway = await track(startGateway(backend.url, options));
  return { backend, gateway };
}

describe('the official CVM client through the example gateway', () => {
  describe('when calling DescribeInstances', () => {
    it('should read what it reads from the backend directly', async () => {
      const { backend, gateway } = await pair();
      const through = await cvmClient(hostOf(gateway)).DescribeInstances({
        Limit: 3,
      });
      const direct = await cvmClient(hostOf(backend)).DescribeInstances({
        Limit: 3,
      });
      expect(through.TotalCount).toBe(5);
      const { RequestId: _a, ...throughRest } = through;
      const { RequestId: _b, ...directRest } = direct;
      expect(throughRest).toEqual(directRest);
    });

    it('should see one RequestId, logged by the gateway and the backend', async () => {
      const { backend, gateway } = await pair();
      const result = await cvmClient(hostOf(gateway)).DescribeInstances({});
      expect(result.RequestId).toMatch(UUID);
      await vi.waitFor(() => {
        expect(gateway.lines).toHaveLength(1);
        expect(backend.lines).toHaveLength(1);
      });
      expect(gateway.lines[0]?.req?.id).toBe(result.RequestId);
      expect(backend.lines[0]?.req?.id).toBe(result.RequestId);
    });
  });

  describe.each([
    ['TC3 over GET', { reqMethod: 'GET' as const }],
    ['HmacSHA1', { signMethod: 'HmacSHA1' as const }],
    [
      'HmacSHA256 over GET',
      { signMethod: 'HmacSHA256' as const, reqMethod: 'GET' as const },
    ],
    ['a temporary key', { credential: TEMPORARY_KEY }],
  ])('when signing with %s', (_how, options) => {
    it('should be served through the gateway', async () => {
      const { gateway } = await pair();
      const result = await cvmClient(
        hostOf(gateway),
        options,
      ).DescribeInstances({
        Limit: 1,
      });
      expect(result.TotalCount).toBe(5);
    });
  });

  describe('when the backend answers an error', () => {
    it('should reach the SDK with the code, message and RequestId of the backend', async () => {
      const { gateway } = await pair();
      const error = await rejection(
        cvmClient(hostOf(gateway)).request('DescribeInstances', { Lmit: 1 }),
      );
      expect(error.code).toBe('UnknownParameter');
      expect(error.message).toBe('The parameter `Lmit` is not recognized.');
      expect(error.requestId).toMatch(UUID);
    });
  });

  describe('when the signature is wrong', () => {
    it('should be refused at the gateway', async () => {
      const { backend, gateway } = await pair();
      const client = cvmClient(hostOf(gateway), {
        credential: { secretId: 'AKIDexpresstcapidemo', secretKey: 'wrong' },
      });
      const error = await rejection(client.DescribeInstances({}));
      expect(error.code).toBe('AuthFailure.SignatureFailure');
      expect(backend.lines).toHaveLength(0);
    });
  });

  describe('when the backend is stopped', () => {
    it('should see ServiceUnavailable as err.code', async () => {
      const { backend, gateway } = await pair();
      await backend.close();
      const error = await rejection(
        cvmClient(hostOf(gateway)).DescribeInstances({}),
      );
      expect(error.code).toBe('ServiceUnavailable');
      expect(error.requestId).toMatch(UUID);
      expect(error.message).not.toContain(String(backend.port));
    });
  });

  describe('when nothing ever listened on the upstream port', () => {
    it('should see ServiceUnavailable as err.code', async () => {
      unsetProxyVariables();
      const port = await refusingPort();
      const gateway = await track(startGateway(`http://127.0.0.1:${port}`));
      const error = await rejection(
        cvmClient(hostOf(gateway)).DescribeInstances({}),
      );
      expect(error.code).toBe('ServiceUnavailable');
    });
  });

  describe('when the upstream is too slow', () => {
    it('should see InternalError.BackendTimeout as err.code', async () => {
      unsetProxyVariables();
      const slow = await track(listen(() => undefined));
      const gateway = await track(startGateway(slow.url, { timeout: 300 }));
      const error = await rejection(
        cvmClient(hostOf(gateway)).DescribeInstances({}),
      );
      expect(error.code).toBe('InternalError.BackendTimeout');
    });
  });

  describe('when the upstream answers an HTML error page', () => {
    it('should see ServiceUnavailable for a 502 page', async () => {
      unsetProxyVariables();
      const html = await track(
        upstream(
          raw(502, '<html>502 Bad Gateway at 10.1.2.3:8080</html>', {
            'Content-Type': 'text/html',
          }),
        ),
      );
      const gateway = await track(startGateway(html.url));
      const error = await rejection(
        cvmClient(hostOf(gateway)).DescribeInstances({}),
      );
      expect(error.code).toBe('ServiceUnavailable');
      expect(error.message).not.toContain('10.1.2.3');
    });
  });

  describe('when the client passes the rate limit', () => {
    it('should see RequestLimitExceeded.UinLimitExceeded as err.code', async () => {
      const { gateway } = await pair({ rateLimitPerMinute: 2 });
      const client = cvmClient(hostOf(gateway));
      await client.DescribeInstances({});
      await client.DescribeInstances({});
      const error = await rejection(client.DescribeInstances({}));
      expect(error.code).toBe('RequestLimitExceeded.UinLimitExceeded');
      expect(error.requestId).toMatch(UUID);
    });

    it('should limit bad signatures per IP address before checking them', async () => {
      const { gateway } = await pair({ rateLimitPerMinute: 2 });
      const forger = cvmClient(hostOf(gateway), {
        credential: { secretId: 'AKIDexpresstcapidemo', secretKey: 'guess' },
      });
      expect((await rejection(forger.DescribeInstances({}))).code).toBe(
        'AuthFailure.SignatureFailure',
      );
      expect((await rejection(forger.DescribeInstances({}))).code).toBe(
        'AuthFailure.SignatureFailure',
      );
      expect((await rejection(forger.DescribeInstances({}))).code).toBe(
        'RequestLimitExceeded.IPLimitExceeded',
      );
    });

    it('should not count signed requests against the address', async () => {
      const { gateway } = await pair({ rateLimitPerMinute: 2 });
      const client = cvmClient(hostOf(gateway), { credential: TEMPORARY_KEY });
      const other = cvmClient(hostOf(gateway));
      await client.DescribeInstances({});
      await client.DescribeInstances({});
      // Same address, another key: its own count.
      const result = await other.DescribeInstances({});
      expect(result.TotalCount).toBe(5);
    });
  });
});
