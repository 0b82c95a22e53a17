import { COMMON_CODES, type CodeInfo } from './common-codes.js';

/**
 * Categories that services use widely but that are not common codes of
 * their own; their sub-codes still need a status and a default message.
 */
const CATEGORIES: Readonly<Record<string, CodeInfo>> = Object.freeze({
  AuthFailure: {
    status: 401,
    en: 'Authentication failed.',
    zh: '认证失败。',
  },
  OperationDenied: {
    status: 403,
    en: 'The operation was denied.',
    zh: '操作被拒绝。',
  },
  ResourcesSoldOut: {
    status: 409,
    en: 'The resources are sold out.',
    zh: '资源售罄。',
  },
});

const UNKNOWN_CATEGORY: CodeInfo = Object.freeze({
  status: 400,
  en: 'The request failed.',
  zh: '请求失败。',
});

const CODE_SHAPE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/;

/** Whether `code` has the `Category` or `Category.SubCode` shape. */
export function isWellFormedCode(code: unknown): code is string {
  return (
    typeof code === 'string' && code.length <= 128 && CODE_SHAPE.test(code)
  );
}

/**
 * Looks up a code's defaults. A sub-code such as
 * `ResourceNotFound.InstanceNotFound` inherits from its category.
 */
export function codeInfo(code: string): CodeInfo {
  const category = code.split('.', 1)[0] ?? code;
  return (
    ownEntry(COMMON_CODES, code) ??
    ownEntry(COMMON_CODES, category) ??
    ownEntry(CATEGORIES, category) ??
    UNKNOWN_CATEGORY
  );
}

// A plain lookup would find `constructor` and friends on the prototype.
function ownEntry(
  table: Readonly<Record<string, CodeInfo>>,
  key: string,
): CodeInfo | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
