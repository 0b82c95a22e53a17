/**
 * `npm start`: serves the example app, CVM at `/` and the Hunyuan-like
 * chat service at `/hunyuan`. Requests must be signed.
 *
 * Environment:
 * - HOST, PORT: where to listen (default 127.0.0.1:3000)
 * - TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY: the key pair callers
 *   sign with (default AKIDexpresstcapidemo / express-tcapi-demo-secret-key)
 * - GATEWAY_SECRET: shared with `npm run gateway`, whose request ids are
 *   then reused (unset: every request gets a fresh id)
 */
import { createServer } from 'node:http';
import { pino } from 'pino';
import { createApp } from './app.js';

const DEMO_SECRET_KEY = 'express-tcapi-demo-secret-key';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number; received ${process.env.PORT}.`);
  process.exit(1);
}
const secretId = process.env.TENCENTCLOUD_SECRET_ID || 'AKIDexpresstcapidemo';
const secretKey = process.env.TENCENTCLOUD_SECRET_KEY || DEMO_SECRET_KEY;

// A signature and a gateway proof can both be replayed for a while: the
// log keeps neither.
const logger = pino({
  redact: ['req.headers.authorization', 'req.headers["x-tc-gateway-proof"]'],
});
let app;
try {
  app = createApp({
    credentials: { [secretId]: secretKey },
    gatewaySecret: process.env.GATEWAY_SECRET || undefined,
    logger,
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
// Node's 16 KB default would refuse a GET query before the 32 KB the
// real service (and actionRouter's default limit) accepts.
const server = createServer({ maxHeaderSize: 64 * 1024 }, app);
server.listen(port, host, () => {
  console.log(`CVM example listening on http://${host}:${port}/`);
  console.log(`Hunyuan example listening on http://${host}:${port}/hunyuan`);
  console.log(`Requests must be signed with SecretId ${secretId}.`);
  console.log('Try them with the official SDKs:');
  console.log(sdkExample(`${host}:${port}`));
  console.log(chatExample(`${host}:${port}/hunyuan`));
});

server.on('error', (err) => {
  console.error(`Cannot listen on ${host}:${port}: ${err.message}`);
  process.exitCode = 1;
});

// A one-line call with the official CVM client. A key of one's own is
// read from the environment rather than printed. The client tunnels
// through http_proxy even to a loopback address, hence the empty one.
function sdkExample(endpoint: string): string {
  return (
    `http_proxy= node -e "const {cvm}=require('tencentcloud-sdk-nodejs-cvm');` +
    `new cvm.v20170312.Client(${clientOptions(endpoint)})` +
    `.DescribeInstances({Limit:2}).then(console.log,console.error)"`
  );
}

// A streamed chat: each event's delta is printed as it arrives.
function chatExample(endpoint: string): string {
  return (
    `http_proxy= node -e "const {hunyuan}=require('tencentcloud-sdk-nodejs-hunyuan');` +
    `new hunyuan.v20230901.Client(${clientOptions(endpoint)})` +
    `.ChatCompletions({Model:'hunyuan-lite',Stream:true,` +
    `Messages:[{Role:'user',Content:'hello there'}]})` +
    // Keep-alive pings arrive as empty messages, errors without Choices.
    `.then(async(s)=>{for await(const m of s){const e=m.data&&JSON.parse(m.data);` +
    `if(e)console.log(e.Choices?.[0]?.Delta??e)}},console.error)"`
  );
}

function clientOptions(endpoint: string): string {
  const key =
    secretKey === DEMO_SECRET_KEY
      ? `'${DEMO_SECRET_KEY}'`
      : 'process.env.TENCENTCLOUD_SECRET_KEY';
  return (
    `{credential:{secretId:'${secretId}',secretKey:${key}},` +
    `region:'ap-guangzhou',profile:{httpProfile:` +
    `{endpoint:'${endpoint}',protocol:'http://'}}}`
  );
}

function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close();
  // Keep-alive clients would otherwise hold the server open.
  server.closeIdleConnections();
}

process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
