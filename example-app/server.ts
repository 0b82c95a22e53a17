/**
 * `npm start`: serves the example CVM app.
 *
 * Environment:
 * - HOST, PORT: where to listen (default 127.0.0.1:3000)
 * - TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY: the demo key pair
 *   (default AKIDexpresstcapidemo / express-tcapi-demo-secret-key)
 */
import { createApp } from './app.js';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number; received ${process.env.PORT}.`);
  process.exit(1);
}
const credentials = {
  secretId: process.env.TENCENTCLOUD_SECRET_ID || 'AKIDexpresstcapidemo',
  secretKey:
    process.env.TENCENTCLOUD_SECRET_KEY || 'express-tcapi-demo-secret-key',
};

const server = createApp({ credentials }).listen(port, host, () => {
  const url = `http://${host}:${port}/`;
  console.log(`CVM example listening on ${url}`);
  console.log(`SecretId: ${credentials.secretId}`);
  console.log(
    `Try: curl -s ${url} -H 'Content-Type: application/json' ` +
      `-H 'X-TC-Action: DescribeInstances' -H 'X-TC-Version: 2017-03-12' ` +
      `-H 'X-TC-Region: ap-guangzhou' -d '{"Limit": 2}'`,
  );
});

server.on('error', (err) => {
  console.error(`Cannot listen on ${host}:${port}: ${err.message}`);
  process.exitCode = 1;
});

function shutdown(signal: string) {
  console.log(`${signal}: closing`);
  server.close();
  // Keep-alive clients would otherwise hold the server open.
  server.closeIdleConnections();
}

process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
