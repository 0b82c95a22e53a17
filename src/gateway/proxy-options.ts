import { checkedSecret } from './proof.js';

/** Options of `tcapiProxy()`. */
export interface TcapiProxyOptions {
  /**
   * The upstream, an `http:` or `https:` URL such as
   * `'http://10.0.0.2:3000'`. Required.
   */
  target: string | URL;
  /**
   * A secret shared with the backend (at least 16 characters): the
   * gateway signs the request id it forwards with it, and a backend with
   * `tcapi({ trustRequestId: trustGateway(secret) })` takes that id as its
   * own. Without it, no proof is sent and the backend picks its own ids.
   * @default undefined
   */
  gatewaySecret?: string;
  /**
   * How long, in milliseconds, the upstream has to start its answer (its
   * headers received in full), counted from when the request is
   * forwarded, and then how long it may stay silent between two pieces of
   * the answer. Past either, the client is told
   * `InternalError.BackendTimeout`, or has its connection cut once the
   * answer has started. Time the client itself takes to read is not
   * silence. Below the official SDKs' 60 s request timeout, so the client
   * hears the reason.
   * @default 30000
   */
  timeout?: number;
}

const NAMES = ['target', 'gatewaySecret', 'timeout'];

/** Checks the options once, at set-up. */
export function checkedProxyOptions(options: TcapiProxyOptions): {
  target: string;
  gatewaySecret: string | undefined;
  timeout: number;
} {
  if (typeof options !== 'object' || options === null) {
    fail(
      `tcapiProxy() needs options such as { target: 'http://10.0.0.2:3000' }; received ${String(options)}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (!NAMES.includes(key)) {
      fail(
        `tcapiProxy() has no option \`${key}\`; the options are ${NAMES.join(', ')}. Add http-proxy-middleware's own options to the object it returns: { ...tcapiProxy(options), pathFilter }`,
      );
    }
  }
  const timeout = options.timeout ?? 30_000;
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 2 ** 31 - 1) {
    fail(
      `option \`timeout\` of tcapiProxy() must be a whole number of milliseconds, such as 30000; received ${String(timeout)}`,
    );
  }
  const gatewaySecret =
    options.gatewaySecret === undefined
      ? undefined
      : checkedSecret(options.gatewaySecret, 'tcapiProxy({ gatewaySecret })');
  return { target: checkedTarget(options.target), gatewaySecret, timeout };
}

function checkedTarget(target: unknown): string {
  let url: URL | undefined;
  try {
    url = new URL(String(target));
  } catch {
    url = undefined;
  }
  if (
    (typeof target !== 'string' && !(target instanceof URL)) ||
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:')
  ) {
    fail(
      `option \`target\` of tcapiProxy() must be an http: or https: URL such as 'http://10.0.0.2:3000'; received ${JSON.stringify(String(target))}`,
    );
  }
  return typeof target === 'string' ? target : url.href;
}

function fail(reason: string): never {
  throw new TypeError(`express-tcapi: ${reason}.`);
}
