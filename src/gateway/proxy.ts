import type { ClientRequest, IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Request, Response } from 'express';
import { contextFor } from '../context.js';
import { defaultOptions } from '../options.js';
import { sendFailure } from '../send-failure.js';
import {
  askIdentityEncoding,
  forwardBody,
  forwardRequestId,
} from './forward-request.js';
import {
  checkedProxyOptions,
  type TcapiProxyOptions,
} from './proxy-options.js';
import { claim } from './answer-claim.js';
import { answerDeadline } from './answer-deadline.js';
import { relayAnswer } from './relay-answer.js';
import { upstreamFailure } from './upstream-errors.js';
import { watchSilence } from './upstream-silence.js';

/**
 * Options for `createProxyMiddleware()` of http-proxy-middleware 3, the
 * part of them `tcapiProxy()` decides. Spread them into an object of your
 * own to add others (`pathFilter`, `agent`, `logger`, ...), but keep
 * `on`, `selfHandleResponse` and `changeOrigin` as they are.
 */
export interface TcapiProxyConfig {
  target: string;
  /** The client's `Host` goes on: the backend checks signatures over it. */
  changeOrigin: false;
  /** Answers are read here, to keep only envelopes. */
  selfHandleResponse: true;
  on: {
    start: (req: IncomingMessage) => void;
    proxyReq: (
      proxyReq: ClientRequest,
      req: IncomingMessage,
      res: ServerResponse,
    ) => void;
    proxyRes: (
      proxyRes: IncomingMessage,
      req: IncomingMessage,
      res: ServerResponse,
    ) => void;
    error: (
      error: Error,
      req: IncomingMessage,
      res: ServerResponse | Socket,
    ) => void;
  };
}

/**
 * Makes http-proxy-middleware forward to a Tencent Cloud compatible
 * upstream so that the client always gets an envelope:
 * - an upstream envelope passes byte for byte (but for a `RequestId`
 *   that is not a safe id, replaced by the gateway's), an event stream
 *   as it comes, typed exactly `text/event-stream`;
 * - an upstream that refuses, cannot be found or drops the connection
 *   gives `ServiceUnavailable`; one that has not started its answer
 *   `timeout` ms after the request was forwarded, or goes silent for
 *   `timeout` ms before the answer is complete (while the client keeps
 *   up), `InternalError.BackendTimeout`;
 * - an answer that is not an envelope (an HTML error page, a bare JSON
 *   object, an empty body, a redirect, a 304 to anything but a
 *   conditional GET) is replaced: 502 and 503 by
 *   `ServiceUnavailable`, 504 by `InternalError.BackendTimeout`, 429 by
 *   `RequestLimitExceeded`, 413 by `RequestSizeLimitExceeded`, anything
 *   else by `InternalError`;
 * - the upstream's host and port never reach the client, and of its
 *   headers only an allow-list does (see `copyUpstreamHeaders()`).
 *
 * The gateway's request id goes to the upstream in `X-TC-RequestId`, with
 * a proof a backend checks with `trustGateway()` when `gatewaySecret` is
 * set. A body the gateway already read (`tcapiAuthenticate()`, or a body
 * parser with `{ verify: captureRawBody }`) is sent on as its exact bytes.
 * Errors are answered with the options of the `tcapi()` that ran for the
 * request.
 *
 * @example
 * import { createProxyMiddleware } from 'http-proxy-middleware';
 *
 * app.use(tcapi());
 * app.use(createProxyMiddleware(tcapiProxy({
 *   target: 'http://10.0.0.2:3000',
 *   gatewaySecret: process.env.GATEWAY_SECRET,
 * })));
 * app.use(tcapiFinish());
 */
export function tcapiProxy(options: TcapiProxyOptions): TcapiProxyConfig {
  const { target, gatewaySecret, timeout } = checkedProxyOptions(options);
  return {
    target,
    changeOrigin: false,
    selfHandleResponse: true,
    on: {
      start: function tcapiProxyStart(req) {
        // http-proxy skips its proxyReq event, where the id, the timeout
        // and a body already read are added, for a request that expects
        // 100-continue. Node has already told the client to go on.
        delete req.headers.expect;
      },
      proxyReq: function tcapiProxyRequest(proxyReq, req, res) {
        const request = req as Request;
        const { requestId } = contextFor(
          request,
          res as Response,
          defaultOptions,
        );
        forwardRequestId(proxyReq, requestId, gatewaySecret);
        askIdentityEncoding(proxyReq, req);
        answerDeadline(proxyReq, timeout);
        forwardBody(proxyReq, req);
      },
      proxyRes: function tcapiProxyResponse(proxyRes, req, res) {
        watchSilence(proxyRes, res, timeout);
        relayAnswer(proxyRes, req as Request, res as Response).catch(
          (error: unknown) => {
            // Only a fault of this code gets here; the client still hears.
            if (claim(res)) sendFailure(req as Request, res as Response, error);
            else if (!res.writableEnded) res.destroy();
          },
        );
      },
      error: function tcapiProxyError(error, req, res) {
        if (!isResponse(res)) {
          res.destroy();
          return;
        }
        if (claim(res)) {
          sendFailure(req as Request, res as Response, upstreamFailure(error));
        } else if (!res.writableEnded) {
          res.destroy();
        }
      },
    },
  };
}

function isResponse(value: ServerResponse | Socket): value is ServerResponse {
  return typeof (value as ServerResponse).setHeader === 'function';
}
