import type { LocalizedMessage } from '../errors/api-error.js';

// Client-facing messages of the request protocol, in the wording and
// order of the real service. Names are the library's own or the caller's
// parameter names, which are checked before they get here.

export const missingParameter = (name: string): LocalizedMessage => ({
  'en-US': `The request is missing a required parameter \`${name}\`.`,
  'zh-CN': `缺少必需参数 \`${name}\`。`,
});

export const invalidAction: LocalizedMessage = {
  'en-US': 'The request `Action` is invalid or not found.',
  'zh-CN': '请求的 `Action` 不存在。',
};

export const noSuchVersion: LocalizedMessage = {
  'en-US': 'The request `Version` is invalid or not found.',
  'zh-CN': '请求的 `Version` 不存在。',
};

export const actionOffline: LocalizedMessage = {
  'en-US': 'The request `Action` has been retired.',
  'zh-CN': '请求的 `Action` 已下线。',
};

export const unsupportedRegion: LocalizedMessage = {
  'en-US': 'The request `Region` is not supported by this API.',
  'zh-CN': '接口不支持所传的 `Region`。',
};

export const unsupportedProtocol: LocalizedMessage = {
  'en-US': 'The HTTP method is not supported; use GET or POST.',
  'zh-CN': 'HTTP 请求方法不支持，仅支持 GET 和 POST 请求。',
};

export const requestTooLarge: LocalizedMessage = {
  'en-US': 'The request is larger than this API accepts.',
  'zh-CN': '请求包超过限制大小。',
};

export const notJson: LocalizedMessage = {
  'en-US': 'The request body is not valid JSON.',
  'zh-CN': '请求包体不是合法的 JSON。',
};

export const notAnObject: LocalizedMessage = {
  'en-US': 'The request body must be a JSON object.',
  'zh-CN': '请求包体必须是 JSON 对象。',
};

export const unsupportedEncoding: LocalizedMessage = {
  'en-US': 'The request body uses an unsupported content encoding.',
  'zh-CN': '请求包体的内容编码不支持。',
};

export const unsupportedContentType: LocalizedMessage = {
  'en-US': 'The request `Content-Type` is not supported.',
  'zh-CN': '请求的 `Content-Type` 不支持。',
};

export const dryRun: LocalizedMessage = {
  'en-US': 'The request would have succeeded, but DryRun was set.',
  'zh-CN': 'DryRun 操作，代表请求将会是成功的，只是多传了 DryRun 参数。',
};

export const notUtf8: LocalizedMessage = {
  'en-US': 'The request is not valid UTF-8.',
  'zh-CN': '请求不是合法的 UTF-8 编码。',
};
