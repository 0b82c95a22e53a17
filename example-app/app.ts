import express, { type Express } from 'express';
import {
  actionRouter,
  tcapi,
  tcapiFinish,
  type CredentialsOption,
} from 'express-tcapi';
import {
  CVM_REGIONS,
  CVM_VERSION,
  createStore,
  cvmActions,
  type InstanceStore,
} from './cvm/index.js';

/** Options of {@link createApp}. */
export interface AppOptions {
  /**
   * Where the instances live.
   * @default a fresh store with the seed instances
   */
  store?: InstanceStore;
  /**
   * The keys requests must be signed with: each SecretId mapped to its
   * secret key, or to `{ secretKey, token }` for temporary credentials
   * (requests must then carry that token). Every signing method of the
   * official SDKs is accepted: TC3-HMAC-SHA256, HmacSHA1 and HmacSHA256.
   *
   * Without it, signatures are not checked at all and unsigned requests
   * are served: meant for tests that drive the app directly.
   * @default undefined (no signature checks)
   */
  credentials?: CredentialsOption;
}

/**
 * A small CVM-compatible service: point an official Tencent Cloud SDK's
 * CVM client at it and call DescribeInstances, RunInstances, ...
 *
 * @example
 * createApp({ credentials: { AKIDexample: 'secret-key' } })
 *   .listen(3000, '127.0.0.1');
 */
export function createApp(options: AppOptions = {}): Express {
  const store = options.store ?? createStore();
  const app = express();
  app.disable('x-powered-by');
  app.use(tcapi());
  app.use(
    '/',
    actionRouter({
      versions: { [CVM_VERSION]: cvmActions(store) },
      regions: CVM_REGIONS,
      credentials: options.credentials,
    }),
  );
  app.use(tcapiFinish());
  return app;
}
