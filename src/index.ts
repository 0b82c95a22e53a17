export { tcapi } from './middleware.js';
export { tcapiErrorHandler, tcapiFinish, tcapiNotFound } from './fallback.js';
export { asyncHandler } from './async-handler.js';
export { requestIdOf } from './context.js';
export { ApiError, isApiError, type ApiErrorOptions } from './errors/api-error.js';
export { COMMON_CODES, type CodeInfo } from './errors/common-codes.js';
export { codeInfo } from './errors/code-info.js';
export type { Language } from './language.js';
export type { HttpStatusPolicy, StatusPolicyInput } from './http-status.js';
export type { ErrorReport, TcapiOptions } from './options.js';
export type { TrustRequestId } from './request-id.js';
export {
  actionRouter,
  type ActionContext,
  type ActionHandler,
  type ActionRouterOptions,
  type ActionTable,
} from './protocol/actions.js';
