import { codeInfo } from './errors/code-info.js';
import { debugErrors } from './log.js';

/** What a custom status policy is told about an error. */
export interface StatusPolicyInput {
  /** The error code, such as `ResourceNotFound.InstanceNotFound`. */
  code: string;
  /** The status `semantic` mode would use. */
  semanticStatus: number;
}

/**
 * How errors map to HTTP statuses.
 * - `'compatible'` (default): every envelope on 200, as the real service
 *   answers and as the official SDKs require.
 * - `'semantic'`: a 4xx or 5xx per code family, for browsers, metrics and
 *   REST-style gateways.
 * - a function: 200 or a status from 400 to 599 (anything else gives 500).
 */
export type HttpStatusPolicy =
  'compatible' | 'semantic' | ((error: StatusPolicyInput) => number);

/** The status `semantic` mode gives a code, unless the error overrides it. */
export function semanticStatus(code: string, override?: number): number {
  return override !== undefined && isErrorStatus(override)
    ? override
    : codeInfo(code).status;
}

/** The HTTP status an error envelope is sent with under `policy`. */
export function errorStatus(
  policy: HttpStatusPolicy,
  code: string,
  override?: number,
): number {
  if (policy === 'compatible') return 200;
  const semantic = semanticStatus(code, override);
  if (policy === 'semantic') return semantic;
  const chosen = askPolicy(policy, { code, semanticStatus: semantic });
  // A bad status must not make Node throw mid-response, and one without a
  // body (204, 304) or a redirect would lose the error.
  return chosen === 200 || isErrorStatus(chosen) ? chosen : 500;
}

// A policy that throws would turn the error envelope into Express's HTML
// error page; it is treated like one that returned a bad status.
function askPolicy(
  policy: (error: StatusPolicyInput) => number,
  input: StatusPolicyInput,
): number {
  try {
    return policy(input);
  } catch (policyError) {
    debugErrors('httpStatus policy threw for %s: %O', input.code, policyError);
    return Number.NaN;
  }
}

/**
 * Headers that a status implies when the error did not give them:
 * `Allow` with 405 and `Retry-After` with 429.
 */
export function impliedHeaders(status: number): Record<string, string> {
  if (status === 405) return { Allow: 'GET, POST' };
  if (status === 429) return { 'Retry-After': '1' };
  return {};
}

function isErrorStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 400 && status <= 599;
}
