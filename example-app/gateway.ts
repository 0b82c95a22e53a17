/**
 * `npm run gateway`: a gateway in front of a compatible service, such as
 * the example CVM service of `npm start`.
 *
 * Environment:
 * - HOST, PORT: where to listen (default 127.0.0.1:8080)
 * - UPSTREAM_URL: the service behind it (default http://127.0.0.1:3000)
 * - RATE_LIMIT_PER_MINUTE: requests per minute per SecretId, and per IP
 *   address for requests that do not prove a key (default: no limit)
 * - REDIS_URL: keeps the counts in Redis, shared by every gateway started
 *   with the same URL (default: in memory, per gateway)
 * - GATEWAY_SECRET: shared with the backend, which then takes the
 *   gateway's request ids as its own (at least 16 characters)
 * - TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY: the key pair the
 *   gateway checks signatures with, as the backend does (default
 *   AKIDexpresstcapidemo / express-tcapi-demo-secret-key)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createClient } from 'redis';
import { createGateway } from './gateway/app.js';
import type { SendCommand } from './gateway/rate-limits.js';

// A Redis that stops answering on an open connection would otherwise hold
// every request; the limiter turns the timeout into InternalError.
const REDIS_TIMEOUT_MS = 1000;

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  exit(`PORT must be a port number; received ${process.env.PORT}.`);
}
const upstream = process.env.UPSTREAM_URL || 'http://127.0.0.1:3000';
const perMinute = optionalCount('RATE_LIMIT_PER_MINUTE');
const secretId = process.env.TENCENTCLOUD_SECRET_ID || 'AKIDexpresstcapidemo';
const secretKey =
  process.env.TENCENTCLOUD_SECRET_KEY || 'express-tcapi-demo-secret-key';
// A signature is no secret, but it can be replayed for five minutes.
const logger = pino({ redact: ['req.headers.authorization'] });

const redis = process.env.REDIS_URL ? await connectRedis() : undefined;

let app;
try {
  app = createGateway({
    upstream,
    credentials: { [secretId]: secretKey },
    gatewaySecret: process.env.GATEWAY_SECRET || undefined,
    rateLimitPerMinute: perMinute,
    sendCommand: redis?.sendCommand,
    logger,
  });
} catch (error) {
  exit((error as Error).message);
}

// Node's 16 KB default would refuse a GET query before the 32 KB the
// real service (and actionRouter's default limit) accepts.
const server = createServer({ maxHeaderSize: 64 * 1024 }, app);
server.listen(port, host, () => {
  const limit = perMinute
    ? `${perMinute} requests per minute, counted ${redis ? 'in Redis' : 'in memory'}`
    : 'no rate limit';
  // The port the system gave, when PORT is 0.
  const { port: actual } = server.address() as AddressInfo;
  console.log(`Gateway listening on http://${host}:${actual}/ (${limit})`);
  console.log(`Forwarding to ${upstream}`);
  console.log(
    `Call it as npm start's lines show, with the endpoint ${host}:${actual}.`,
  );
});

server.on('error', (err) => {
  console.error(`Cannot listen on ${host}:${port}: ${err.message}`);
  process.exitCode = 1;
  void redis?.close();
});

async function connectRedis() {
  const client = createClient({
    url: process.env.REDIS_URL,
    // Without Redis, a request fails at once (InternalError) rather than
    // waiting in a queue for a reconnection.
    disableOfflineQueue: true,
    socket: {
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
    },
  });
  client.on('error', (err: Error) => {
    logger.warn({ err }, 'Redis connection error');
  });
  try {
    await client.connect();
  } catch (error) {
    exit(`Cannot connect to Redis: ${(error as Error).message}`);
  }
  const sendCommand: SendCommand = (...args) =>
    answerWithin(
      REDIS_TIMEOUT_MS,
      client.sendCommand(args) as ReturnType<SendCommand>,
    );
  return { sendCommand, close: () => client.close() };
}

function answerWithin<T>(ms: number, answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

function optionalCount(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    exit(
      `${name} must be a whole number of requests, 1 or more; received ${value}.`,
    );
  }
  return count;
}

function exit(message: string): never {
  console.error(message);
  process.exit(1);
}

function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close();
  server.closeIdleConnections();
  void redis?.close();
}

process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
