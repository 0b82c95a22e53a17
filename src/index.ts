export { tcapi } from './middleware.js';
export { tcapiErrorHandler, tcapiFinish, tcapiNotFound } from './fallback.js';
export { asyncHandler } from './async-handler.js';
export { requestIdOf } from './context.js';
export {
  ApiError,
  isApiError,
  type ApiErrorOptions,
  type LocalizedMessage,
} from './errors/api-error.js';
export { COMMON_CODES, type CodeInfo } from './errors/common-codes.js';
export { codeInfo } from './errors/code-info.js';
export type { Language } from './language.js';
export type { HttpStatusPolicy, StatusPolicyInput } from './http-status.js';
export type { ErrorReport, TcapiOptions } from './options.js';
export type { TrustRequestId } from './request-id.js';
export { actionRouter } from './protocol/actions.js';
export type { ActionRouterOptions } from './protocol/action-plan.js';
export type {
  ActionContext,
  ActionDefinition,
  ActionEntry,
  ActionHandler,
  ActionsOf,
  ActionTable,
  RetiredAction,
} from './protocol/action-definition.js';
export type { CredentialsOption } from './protocol/credentials.js';
export type {
  Credential,
  CredentialLookup,
} from './protocol/signature/verify.js';
export type { ParameterSchema } from './protocol/parameters.js';
export { captureRawBody } from './protocol/raw-body.js';
export { checkDryRun } from './protocol/dry-run.js';
export {
  isStreamResult,
  streamResult,
  type StreamOptions,
  type StreamResult,
} from './streaming/stream-result.js';
export type { StreamFailure } from './streaming/error-event.js';
export { sendStream } from './streaming/send-stream.js';
export { disconnectSignal } from './streaming/disconnect-signal.js';
export type { ActionResult } from './protocol/action-definition.js';
export { tcapiProxy, type TcapiProxyConfig } from './gateway/proxy.js';
export type { TcapiProxyOptions } from './gateway/proxy-options.js';
export {
  trustGateway,
  type TrustGatewayOptions,
} from './gateway/trust-gateway.js';
export {
  authenticatedSecretId,
  tcapiAuthenticate,
} from './gateway/authenticate.js';
export type { AuthenticateOptions } from './gateway/authenticate-options.js';
export {
  tcapiRateLimitHandler,
  tcapiRateLimitKey,
  type RateLimitHandlerOptions,
  type RateLimitKeyOptions,
} from './gateway/rate-limit.js';
