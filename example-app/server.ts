/**
 * `npm start`: serves the example CVM app. Requests must be signed.
 *
 * Environment:
 * - HOST, PORT: where to listen (default 127.0.0.1:3000)
 * - TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY: the key pair callers
 *   sign with (default AKIDexpresstcapidemo / express-tcapi-demo-secret-key)
 */
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

const app = createApp({ credentials: { [secretId]: secretKey } });
const server = app.listen(port, host, () => {
  console.log(`CVM example listening on http://${host}:${port}/`);
  console.log(`Requests must be signed with SecretId ${secretId}.`);
  console.log('Try it with the official SDK:');
  console.log(sdkExample(`${host}:${port}`));
});

server.on('error', (err) => {
  console.error(`Cannot listen on ${host}:${port}: ${err.message}`);
  process.exitCode = 1;
});

// A one-line call with the official CVM client. A key of one's own is
// read from the environment rather than printed. The client tunnels
// through http_proxy even to a loopback address, hence the empty one.
function sdkExample(endpoint: string): string {
  const key =
    secretKey === DEMO_SECRET_KEY
      ? `'${DEMO_SECRET_KEY}'`
      : 'process.env.TENCENTCLOUD_SECRET_KEY';
  return (
    `http_proxy= node -e "const {cvm}=require('tencentcloud-sdk-nodejs-cvm');` +
    `new cvm.v20170312.Client({credential:{secretId:'${secretId}',` +
    `secretKey:${key}},region:'ap-guangzhou',profile:{httpProfile:` +
    `{endpoint:'${endpoint}',protocol:'http://'}}})` +
    `.DescribeInstances({Limit:2}).then(console.log,console.error)"`
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
