/**
 * A bench server process: serves one variant, named by the first
 * argument (see ./ipc-server.ts).
 */
import type { Express } from 'express';
import { createHandWrittenApp } from './hand-written-app.js';
import { hasParent, serveOverIpc } from './ipc-server.js';
import { createTcapiApp } from './tcapi-app.js';
import { isVariant, type Variant } from './variants.js';

const APP_FACTORIES: Record<Variant, () => Express> = {
  'hand-written': createHandWrittenApp,
  'express-tcapi': createTcapiApp,
};

const variant = process.argv[2];
if (!isVariant(variant) || !hasParent()) {
  throw new Error('Start this file with fork(file, [variant]).');
}

serveOverIpc(APP_FACTORIES[variant]());
