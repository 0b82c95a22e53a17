import type { LocalizedMessage } from '../../errors/api-error.js';

// Client-facing messages of signature checks. None of them repeats what
// the client sent: a SecretId, a token or a signature is a credential, and
// anything else could be arbitrarily long.

/** `MissingParameter`: ``The request is missing a required parameter `X`.`` */
export { missingParameter } from '../messages.js';

/** `InvalidParameter`: a `Timestamp` that is not whole seconds. */
export const invalidTimestamp: LocalizedMessage = {
  'en-US': 'The parameter `Timestamp` must be a Unix time in seconds.',
  'zh-CN': '参数 `Timestamp` 必须是以秒为单位的 Unix 时间戳。',
};

/** `AuthFailure.InvalidAuthorization`. */
export const invalidAuthorization: LocalizedMessage = {
  'en-US': 'The `Authorization` header is missing or malformed.',
  'zh-CN': '请求头部的 Authorization 缺失或不符合腾讯云标准。',
};

/** `AuthFailure.SignatureExpire`; the allowed skew is configurable. */
export const signatureExpire: LocalizedMessage = {
  'en-US':
    'The signature has expired: the request `Timestamp` is too far from the server time.',
  'zh-CN': '签名过期。请求的 `Timestamp` 与服务器时间相差过大。',
};

/** `AuthFailure.SecretIdNotFound`. */
export const secretIdNotFound: LocalizedMessage = {
  'en-US': 'The SecretId does not exist or is disabled.',
  'zh-CN': '密钥不存在或已被禁用。',
};

/** `AuthFailure.TokenFailure`. */
export const tokenFailure: LocalizedMessage = {
  'en-US': 'The temporary credential token is missing or invalid.',
  'zh-CN': '临时证书 Token 缺失或错误。',
};

/** `AuthFailure.SignatureFailure`. */
export const signatureFailure: LocalizedMessage = {
  'en-US':
    'The request signature does not match; check the SecretKey and the signing method.',
  'zh-CN': '签名错误，请检查密钥和签名方法。',
};
