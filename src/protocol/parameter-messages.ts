import type { LocalizedMessage } from '../errors/api-error.js';
import { missingParameter } from './messages.js';

const message = (en: string, zh: string): LocalizedMessage => ({
  'en-US': en,
  'zh-CN': zh,
});

// Messages about the request as a whole, for errors at the root.
const ROOT = 'The request parameters';
const ZH_ROOT = '请求参数';
const the = (name?: string) =>
  name === undefined ? ROOT : `The parameter \`${name}\``;
const zhThe = (name?: string) =>
  name === undefined ? ZH_ROOT : `参数 \`${name}\` `;
const valueOf = (name?: string) =>
  name === undefined ? ROOT : `The value of the parameter \`${name}\``;
const zhValueOf = (name?: string) =>
  name === undefined ? ZH_ROOT : `参数 \`${name}\` 的取值`;

/**
 * `UnknownParameter`: the client sent a parameter the action does not take.
 *
 * @example
 * new ApiError('UnknownParameter', unknownMessage('Limit'));
 */
export const unknownMessage = (name: string) =>
  message(
    `The parameter \`${name}\` is not recognized.`,
    `参数 \`${name}\` 无法识别。`,
  );

/** `MissingParameter`: a required parameter is absent. */
export const missingMessage = missingParameter;

/** `InvalidParameter`: a value of the wrong type. */
export const typeMessage = (name: string | undefined, type: string) =>
  message(
    `${the(name)} must be of type ${type}.`,
    `${zhThe(name)}的类型必须为 ${type}。`,
  );

/** `InvalidParameter`: a string that fails its `format` or `pattern`. */
export const formatMessage = (name: string | undefined) =>
  message(
    `${the(name)} is not in the expected format.`,
    `${zhThe(name)}的格式不正确。`,
  );

/** `InvalidParameter`: any other failure of shape (`oneOf`, `anyOf`, `if`). */
export const invalidMessage = (name: string | undefined) =>
  message(
    name === undefined
      ? 'The request parameters are not valid.'
      : `The parameter \`${name}\` is not valid.`,
    `${zhThe(name)}不合法。`,
  );

type Subject = 'value' | 'parameter';
type Sentence = readonly [Subject, en: string, zh: string];

const count = (n: unknown, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Keyed by the Ajv keyword; `detail` is the schema's limit, or the allowed
// values already written out (undefined when too many to list).
const VALUE_SENTENCES: Readonly<Record<string, (detail: unknown) => Sentence>> =
  {
    minimum: (n) => ['value', `must be at least ${n}`, `不能小于 ${n}`],
    maximum: (n) => ['value', `must be at most ${n}`, `不能大于 ${n}`],
    exclusiveMinimum: (n) => [
      'value',
      `must be greater than ${n}`,
      `必须大于 ${n}`,
    ],
    exclusiveMaximum: (n) => [
      'value',
      `must be less than ${n}`,
      `必须小于 ${n}`,
    ],
    multipleOf: (n) => [
      'value',
      `must be a multiple of ${n}`,
      `必须是 ${n} 的整数倍`,
    ],
    minLength: (n) => [
      'value',
      `must be at least ${count(n, 'character')} long`,
      `长度不能少于 ${n} 个字符`,
    ],
    maxLength: (n) => [
      'value',
      `must be at most ${count(n, 'character')} long`,
      `长度不能超过 ${n} 个字符`,
    ],
    minItems: (n) => [
      'parameter',
      `must have at least ${count(n, 'item')}`,
      `至少需要 ${n} 项`,
    ],
    maxItems: (n) => [
      'parameter',
      `must have at most ${count(n, 'item')}`,
      `最多只能有 ${n} 项`,
    ],
    minProperties: (n) => [
      'parameter',
      `must have at least ${count(n, 'member')}`,
      `至少需要 ${n} 个成员`,
    ],
    maxProperties: (n) => [
      'parameter',
      `must have at most ${count(n, 'member')}`,
      `最多只能有 ${n} 个成员`,
    ],
    uniqueItems: () => [
      'parameter',
      'must not contain duplicate items',
      '不能包含重复项',
    ],
    enum: (values) =>
      values === undefined
        ? ['value', 'is not one of the allowed values', '不在允许的取值范围内']
        : ['value', `must be one of ${values}`, `必须是以下之一：${values}`],
    const: (value) =>
      value === undefined
        ? ['value', 'is not the allowed value', '不是允许的取值']
        : ['value', `must be ${value}`, `必须为 ${value}`],
  };

/** The Ajv keywords that {@link valueMessage} words. */
export const VALUE_KEYWORDS: ReadonlySet<string> = new Set(
  Object.keys(VALUE_SENTENCES),
);

/**
 * `InvalidParameterValue`: a well-formed value out of its range, as
 * broken by the Ajv `keyword`, with the schema's limit or allowed values.
 *
 * @example
 * valueMessage('Limit', 'maximum', 100)['en-US'];
 * // 'The value of the parameter `Limit` must be at most 100.'
 */
export function valueMessage(
  name: string | undefined,
  keyword: string,
  detail: unknown,
): LocalizedMessage {
  const sentence = VALUE_SENTENCES[keyword]?.(detail);
  if (!sentence) return invalidMessage(name);
  const [subject, en, zh] = sentence;
  return subject === 'value'
    ? message(`${valueOf(name)} ${en}.`, `${zhValueOf(name)}${zh}。`)
    : message(`${the(name)} ${en}.`, `${zhThe(name)}${zh}。`);
}
