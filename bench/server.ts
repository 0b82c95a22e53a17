/**
 * A bench server process: serves one variant, named by the first
 * argument, on a free port of 127.0.0.1. Over IPC it reports the port and
 * answers `cpu` queries with its CPU time so far, which lets the parent
 * charge each round's CPU to this server alone.
 */
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { createHandWrittenApp } from './hand-written-app.js';
import type { ParentMessage, ServerMessage } from './ipc-messages.js';
import { createTcapiApp } from './tcapi-app.js';
import { isVariant, type Variant } from './variants.js';

const APP_FACTORIES: Record<Variant, () => Express> = {
  'hand-written': createHandWrittenApp,
  'express-tcapi': createTcapiApp,
};

const variant = process.argv[2];
if (!isVariant(variant) || !process.send) {
  throw new Error('Start this file with fork(file, [variant]).');
}

const tell = (message: ServerMessage) => process.send?.(message);

// Without its parent the process would serve nobody; never outlive it.
process.on('disconnect', () => process.exit(0));

process.on('message', (message: ParentMessage) => {
  if (message.type !== 'cpu') return;
  const { user, system } = process.cpuUsage();
  tell({ type: 'cpu', micros: user + system });
});

const server = APP_FACTORIES[variant]().listen(0, '127.0.0.1', () => {
  tell({ type: 'listening', port: (server.address() as AddressInfo).port });
});
