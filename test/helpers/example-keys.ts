/** The example app's demo key pair, as `npm start` accepts it. */
export const DEMO_KEY = Object.freeze({
  secretId: 'AKIDexpresstcapidemo',
  secretKey: 'express-tcapi-demo-secret-key',
});

/** A temporary key pair: requests must carry its token. */
export const TEMPORARY_KEY = Object.freeze({
  secretId: 'AKIDexpresstcapitemporary',
  secretKey: 'express-tcapi-temporary-secret-key',
  token: 'express-tcapi-session-token',
});

/** Both key pairs, as the example app's `credentials` option. */
export const CREDENTIALS = {
  [DEMO_KEY.secretId]: DEMO_KEY.secretKey,
  [TEMPORARY_KEY.secretId]: {
    secretKey: TEMPORARY_KEY.secretKey,
    token: TEMPORARY_KEY.token,
  },
};
