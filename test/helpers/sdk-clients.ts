import { cvm } from 'tencentcloud-sdk-nodejs-cvm';
import { hunyuan } from 'tencentcloud-sdk-nodejs-hunyuan';
import { DEMO_KEY } from './example-keys.js';

const CvmSdkClient = cvm.v20170312.Client;
const HunyuanSdkClient = hunyuan.v20230901.Client;
/** An official CVM 2017-03-12 client. */
export type CvmClient = InstanceType<typeof CvmSdkClient>;
/** An official Hunyuan 2023-09-01 client. */
export type HunyuanClient = InstanceType<typeof HunyuanSdkClient>;

/**
 * Clears the proxy variables of `env`, this process's by default: the
 * SDK tunnels through them even to 127.0.0.1.
 */
export function unsetProxyVariables(env = process.env): void {
  for (const name of [
    'http_proxy',
    'HTTP_PROXY',
    'https_proxy',
    'HTTPS_PROXY',
  ]) {
    delete env[name];
  }
}

/** How a client signs and sends; every member is optional. */
export interface ClientOptions {
  /** `ap-guangzhou` by default; `null` sends no region at all. */
  region?: string | null;
  /** {@link DEMO_KEY} by default. */
  credential?: { secretId: string; secretKey: string; token?: string };
  reqMethod?: 'GET' | 'POST';
  signMethod?: 'TC3-HMAC-SHA256' | 'HmacSHA1' | 'HmacSHA256';
  language?: 'zh-CN' | 'en-US';
}

/**
 * An official CVM client at `endpoint` (`127.0.0.1:<port>`, maybe with a
 * path) over plain HTTP.
 */
export function cvmClient(
  endpoint: string,
  options: ClientOptions = {},
): CvmClient {
  const { region = 'ap-guangzhou', credential = DEMO_KEY } = options;
  return new CvmSdkClient({
    credential: { ...credential },
    region: region ?? undefined,
    profile: {
      // Only what is set: an explicit `reqMethod: undefined` crashes
      // the client.
      httpProfile: {
        endpoint,
        protocol: 'http://',
        ...(options.reqMethod && { reqMethod: options.reqMethod }),
      },
      ...(options.signMethod && { signMethod: options.signMethod }),
      ...(options.language && { language: options.language }),
    },
  });
}

/**
 * An official Hunyuan client for ap-guangzhou at `endpoint`, over plain
 * HTTP, signing with {@link DEMO_KEY}.
 */
export function hunyuanClient(endpoint: string): HunyuanClient {
  return new HunyuanSdkClient({
    credential: { ...DEMO_KEY },
    region: 'ap-guangzhou',
    profile: { httpProfile: { endpoint, protocol: 'http://' } },
  });
}
