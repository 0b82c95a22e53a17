/** Default text and semantic-mode HTTP status of one error code. */
export interface CodeInfo {
  /** Default message in English (`X-TC-Language: en-US`). */
  readonly en: string;
  /** Default message in Chinese (`X-TC-Language: zh-CN`). */
  readonly zh: string;
  /** HTTP status used in `semantic` mode. */
  readonly status: number;
}

const entry = (status: number, en: string, zh: string): CodeInfo =>
  Object.freeze({ status, en, zh });

/**
 * The 38 common error codes of Tencent Cloud API 3.0, with their default
 * messages and the status each one takes in `semantic` mode.
 *
 * @example
 * COMMON_CODES['ResourceNotFound'].status // 404
 */
export const COMMON_CODES: Readonly<Record<string, CodeInfo>> = Object.freeze({
  'AuthFailure.InvalidSecretId': entry(
    401,
    'The SecretId is not a valid cloud API key.',
    '密钥非法（不是云 API 密钥类型）。',
  ),
  'AuthFailure.MFAFailure': entry(
    401,
    'Multi-factor authentication failed.',
    'MFA 错误。',
  ),
  'AuthFailure.SecretIdNotFound': entry(
    401,
    'The SecretId does not exist or is disabled.',
    '密钥不存在或已被禁用。',
  ),
  'AuthFailure.SignatureExpire': entry(
    401,
    'The request timestamp is more than five minutes off the server time.',
    '签名过期。请求的时间戳与服务器时间相差超过五分钟。',
  ),
  'AuthFailure.SignatureFailure': entry(
    401,
    'The signature does not match the request.',
    '签名错误。',
  ),
  'AuthFailure.TokenFailure': entry(
    401,
    'The temporary token is invalid.',
    '临时证书 Token 错误。',
  ),
  'AuthFailure.UnauthorizedOperation': entry(
    403,
    'The request is not authorized.',
    '请求未授权。',
  ),
  DryRunOperation: entry(
    412,
    'The request would have succeeded, but DryRun was set.',
    'DryRun 操作，代表请求将会是成功的，只是多传了 DryRun 参数。',
  ),
  FailedOperation: entry(400, 'The operation failed.', '操作失败。'),
  InternalError: entry(500, 'An internal error occurred.', '内部错误。'),
  InvalidAction: entry(
    404,
    'The request `Action` is invalid or not found.',
    '接口不存在。',
  ),
  InvalidParameter: entry(400, 'A parameter is invalid.', '参数错误。'),
  InvalidParameterValue: entry(
    400,
    'A parameter value is out of range.',
    '参数取值错误。',
  ),
  LimitExceeded: entry(400, 'A quota limit was exceeded.', '超过配额限制。'),
  MissingParameter: entry(
    400,
    'A required parameter is missing.',
    '缺少参数错误。',
  ),
  NoSuchVersion: entry(
    400,
    'The API version does not exist.',
    '接口版本不存在。',
  ),
  RequestLimitExceeded: entry(
    429,
    'The request frequency limit was exceeded.',
    '请求的次数超过了频率限制。',
  ),
  ResourceInUse: entry(409, 'The resource is in use.', '资源被占用。'),
  ResourceInsufficient: entry(
    409,
    'The resource is insufficient.',
    '资源不足。',
  ),
  ResourceNotFound: entry(404, 'The resource does not exist.', '资源不存在。'),
  ResourceUnavailable: entry(
    409,
    'The resource is unavailable.',
    '资源不可用。',
  ),
  UnauthorizedOperation: entry(
    403,
    'The operation is not authorized.',
    '未授权操作。',
  ),
  UnknownParameter: entry(
    400,
    'The request contains an unknown parameter.',
    '未知参数错误。',
  ),
  UnsupportedOperation: entry(
    400,
    'The operation is not supported.',
    '操作不支持。',
  ),
  UnsupportedProtocol: entry(
    405,
    'The HTTP method is not supported; use GET or POST.',
    'HTTP 请求方法不支持，仅支持 GET 和 POST 请求。',
  ),
  UnsupportedRegion: entry(
    400,
    'The API does not support this region.',
    '接口不支持所传地域。',
  ),
  ActionOffline: entry(410, 'The API has been retired.', '接口已下线。'),
  'AuthFailure.InvalidAuthorization': entry(
    401,
    'The `Authorization` header is malformed.',
    '请求头部的 Authorization 不符合腾讯云标准。',
  ),
  InvalidRequest: entry(
    400,
    'The multipart request body is malformed.',
    'multipart 格式的请求包体错误。',
  ),
  IpInBlacklist: entry(
    403,
    'The caller IP address is on the blacklist.',
    'IP 地址在黑名单中。',
  ),
  IpNotInWhitelist: entry(
    403,
    'The caller IP address is not on the whitelist.',
    'IP 地址不在白名单中。',
  ),
  NoSuchProduct: entry(404, 'The product does not exist.', '产品不存在。'),
  'RequestLimitExceeded.UinLimitExceeded': entry(
    429,
    'The request frequency limit of the account was exceeded.',
    '主账号超过频率限制。',
  ),
  'RequestLimitExceeded.IPLimitExceeded': entry(
    429,
    'The request frequency limit of the IP address was exceeded.',
    'IP 限频。',
  ),
  'RequestLimitExceeded.GlobalRegionUinLimitExceeded': entry(
    429,
    'The global request frequency limit of the account was exceeded.',
    '主账号超过全局频率限制。',
  ),
  RequestSizeLimitExceeded: entry(
    413,
    'The request is too large.',
    '请求包超过限制大小。',
  ),
  ResponseSizeLimitExceeded: entry(
    500,
    'The response is too large.',
    '返回包超过限制大小。',
  ),
  ServiceUnavailable: entry(
    503,
    'The service is temporarily unavailable.',
    '当前服务暂时不可用。',
  ),
});
