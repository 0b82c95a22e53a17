import express, { type Express } from 'express';
import { actionRouter, tcapi, tcapiFinish } from 'express-tcapi';
import {
  CVM_VERSION,
  createStore,
  cvmActions,
  type InstanceStore,
} from './cvm/index.js';

/** The API keys requests will be signed with. */
export interface Credentials {
  secretId: string;
  secretKey: string;
}

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * Where the instances live.
   * @default a fresh store with the seed instances
   */
  store?: InstanceStore;
  /**
   * The key pair callers sign with. Kept for signature checking, which
   * this app does not do yet.
   */
  credentials?: Credentials;
}

/**
 * A small CVM-compatible service: point an official Tencent Cloud SDK's
 * CVM client at it and call DescribeInstances, RunInstances, ...
 *
 * @example
 * createApp().listen(3000, '127.0.0.1');
 */
export function createApp(options: AppOptions = {}): Express {
  const store = options.store ?? createStore();
  const app = express();
  app.disable('x-powered-by');
  app.use(tcapi());
  app.use(
    '/',
    actionRouter({ versions: { [CVM_VERSION]: cvmActions(store) } }),
  );
  app.use(tcapiFinish());
  return app;
}
