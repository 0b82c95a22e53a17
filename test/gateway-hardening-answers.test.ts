import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from './helpers/close-after-each.js';
import {
  EXPRESS_VERSIONS,
  UUID_V4,
  expectError,
} from './helpers/express-versions.js';
import { gatewayApp } from './helpers/gateway-app.js';
import {
  envelopeText,
  listen,
  raw,
  upstream,
} from './helpers/gateway-upstreams.js';
import { hunyuanClient, unsetProxyVariables } from './helpers/sdk-clients.js';

const track = closeAfterEach();

const EVENTS =
  'data: {"Choices":[{"Delta":{"Content":"he"},"FinishReason":""}],"Id":"1"}\n\n' +
  'data: {"Choices":[{"Delta":{"Content":"llo"},"FinishReason":"stop"}],"Id":"1"}\n\n';

describe.each(EXPRESS_VERSIONS)('tcapiProxy() on %s', (_name, express) => {
  describe('when the upstream answers a status no SDK reads', () => {
    it.each([
      ['304 to a POST', 'post', 304, {}],
      ['304 to a GET that did not ask for it', 'get', 304, {}],
      ['205 to a POST', 'post', 205, {}],
    ])(
      'should answer a %s with InternalError',
      async (_what, method, status) => {
        const up = await track(
          upstream((_req, res) => {
            res.writeHead(status, {
              ETag: '"v1"',
              'Cache-Control': 'max-age=60',
            });
            res.end();
          }),
        );
        const res = await request(gatewayApp(express, up.url))[
          method as 'post' | 'get'
        ]('/');
        expectError(res, 'InternalError');
        expect(res.headers.etag).toBeUndefined();
      },
    );

    it.each([301, 302, 307, 308])(
      'should answer a %i with InternalError even with an envelope for a body',
      async (status) => {
        const up = await track(
          upstream(
            raw(status, envelopeText({ TotalCount: 0 }), {
              'Content-Type': 'application/json',
              Location: '/elsewhere',
            }),
          ),
        );
        const res = await request(gatewayApp(express, up.url)).post('/');
        expectError(res, 'InternalError');
        expect(res.headers.location).toBeUndefined();
      },
    );

    it('should still pass on the 304 of a conditional GET', async () => {
      const up = await track(
        upstream((_req, res) => {
          res.writeHead(304, { ETag: '"v1"' });
          res.end();
        }),
      );
      const res = await request(gatewayApp(express, up.url))
        .get('/')
        .set('If-None-Match', '"v1"');
      expect(res.status).toBe(304);
      expect(res.headers.etag).toBe('"v1"');
    });
  });

  describe('when the upstream streams events with a charset', () => {
    it('should send them as text/event-stream exactly', async () => {
      const up = await track(
        upstream(
          raw(200, EVENTS, {
            'Content-Type': 'text/event-stream; charset=utf-8',
          }),
        ),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/event-stream');
      expect(res.text).toBe(EVENTS);
    });

    it('should let the official Node client read them', async () => {
      unsetProxyVariables();
      const up = await track(
        upstream(
          raw(200, EVENTS, {
            'Content-Type': 'text/event-stream; charset=utf-8',
          }),
        ),
      );
      const gateway = await track(listen(gatewayApp(express, up.url)));
      const client = hunyuanClient(`127.0.0.1:${gateway.port}`);
      const stream = (await client.ChatCompletions({
        Model: 'hunyuan-lite',
        Messages: [{ Role: 'user', Content: 'hello' }],
        Stream: true,
      })) as unknown as AsyncIterable<{ data: string }>;
      const texts: string[] = [];
      for await (const message of stream) {
        const event = JSON.parse(message.data) as {
          Choices: Array<{ Delta: { Content: string } }>;
        };
        texts.push(event.Choices[0]!.Delta.Content);
      }
      expect(texts.join('')).toBe('hello');
    });
  });

  describe('when the upstream envelope has a RequestId that is not safe', () => {
    it.each([
      ['too long', 'x'.repeat(65)],
      ['with a space', 'bad id'],
      ['with a line break', 'bad\nid'],
      ['empty', ''],
    ])(
      'should give the body the gateway id when it is %s, and keep every other byte',
      async (_what, unsafe) => {
        const text =
          '{ "Response" : {"DiskSize": 18446744073709551615, "Name": "\\u00e9t\\u00e9",\n' +
          `  "RequestId": ${JSON.stringify(unsafe)}, "Tail": 1} }`;
        const up = await track(
          upstream(
            raw(200, text, {
              'Content-Type': 'application/json',
              'X-TC-RequestId': 'upstream-header-id',
            }),
          ),
        );
        const res = await request(gatewayApp(express, up.url)).post('/');
        const gatewayId = up.seen[0]?.headers['x-tc-requestid'] as string;
        expect(gatewayId).toMatch(UUID_V4);
        expect(res.headers['x-tc-requestid']).toBe(gatewayId);
        expect(res.text).toBe(
          text.replace(JSON.stringify(unsafe), JSON.stringify(gatewayId)),
        );
        expect(res.headers['content-length']).toBe(
          String(Buffer.byteLength(res.text)),
        );
      },
    );

    it('should do the same for an error envelope in semantic mode', async () => {
      const text = envelopeText(
        { Error: { Code: 'ResourceNotFound', Message: 'gone' } },
        'x'.repeat(100),
      );
      const up = await track(
        upstream(raw(200, text, { 'Content-Type': 'application/json' })),
      );
      const app = gatewayApp(express, up.url, { httpStatus: 'semantic' });
      const res = await request(app).post('/');
      expect(res.status).toBe(404);
      const gatewayId = up.seen[0]?.headers['x-tc-requestid'];
      expect(res.body.Response.RequestId).toBe(gatewayId);
      expect(res.headers['x-tc-requestid']).toBe(gatewayId);
      expect(res.body.Response.Error).toEqual({
        Code: 'ResourceNotFound',
        Message: 'gone',
      });
    });

    it('should leave a long envelope as it is, with a safe header', async () => {
      const text = envelopeText({ Data: 'x'.repeat(100_000) }, 'bad id');
      const up = await track(
        upstream(raw(200, text, { 'Content-Type': 'application/json' })),
      );
      const res = await request(gatewayApp(express, up.url)).post('/');
      expect(res.text).toBe(text);
      expect(res.headers['x-tc-requestid']).toBe(
        up.seen[0]?.headers['x-tc-requestid'],
      );
    });
  });
});
