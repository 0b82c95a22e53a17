import qs from 'qs';
import { ApiError } from '../errors/api-error.js';

/** Most parameters one request may carry. */
const PARAMETER_LIMIT = 1000;
/** Highest list index plus one: `InstanceIds.99` is the last accepted. */
const ARRAY_LIMIT = 100;
/** Most levels of nesting below a parameter: `A.1.2.3.4.5.6.7.8.9.10`. */
const DEPTH = 10;

/**
 * The parameters of a query string or `application/x-www-form-urlencoded`
 * body (one leading `?` is ignored), each name mapped to its decoded value,
 * as a v1 signature covers them: `Signature` and the other common
 * parameters included, nothing nested.
 *
 * Decoding is the WHATWG URL standard's for forms (`URLSearchParams`):
 * `+` is a space, as the Python SDK encodes spaces, while the Node SDK
 * (`querystring.stringify`) writes `%20` and encodes a literal `+` as
 * `%2B`, so every SDK's values come back exactly as they were signed.
 * Malformed input never throws: a `%` not followed by two hex digits is
 * kept as it is, and bytes that are not UTF-8 become U+FFFD. A parameter
 * given twice keeps its last value; an empty name is ignored.
 *
 * @example
 * flatParameters('Action=DescribeZones&Nonce=11886&Signature=a%2Bb%3D');
 * // { Action: 'DescribeZones', Nonce: '11886', Signature: 'a+b=' }
 */
export function flatParameters(query: string): Record<string, string> {
  const entries = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(query)) {
    if (name !== '') entries.set(name, value);
  }
  // fromEntries defines properties, so `__proto__` stays a plain key.
  return Object.fromEntries(entries);
}

/**
 * Turns GET and v1 flattened parameters (`Filters.0.Name=zone&
 * Filters.0.Values.0=a`) into nested objects and arrays, every value a
 * string. The values are exactly those of {@link flatParameters}, so the
 * parameters used are the ones a v1 signature covered.
 *
 * Names are split by `qs` (dots and, leniently, brackets): a numeric part
 * is a list index, lists keep their items in index order and close any
 * gap (`Values.0` and `Values.5` give two items). The result holds
 * ordinary objects whose keys are the client's own, `__proto__` and
 * `constructor` included as plain data, so a parameter schema reports them
 * as unknown; nothing reaches a prototype. Of what qs would drop, nothing
 * is: `__proto__` parts are hidden from it, and objects without a
 * prototype keep `constructor` and `toString`. Names with stray dots
 * (`.A`, `A..B`) are split as qs splits them.
 *
 * @throws ApiError `RequestSizeLimitExceeded` beyond 1000 parameters;
 * `InvalidParameter` for a list index of 100 or more, or nesting deeper
 * than 10 levels.
 *
 * @example
 * expandFlatParameters('Filters.0.Name=zone&Filters.0.Values.0=a&Limit=5');
 * // { Filters: [{ Name: 'zone', Values: ['a'] }], Limit: '5' }
 */
export function expandFlatParameters(query: string): Record<string, unknown> {
  const flat = Object.entries(flatParameters(query));
  if (flat.length > PARAMETER_LIMIT) {
    throw new ApiError('RequestSizeLimitExceeded', {
      'en-US': `The request has more than ${PARAMETER_LIMIT} parameters.`,
      'zh-CN': `请求参数超过 ${PARAMETER_LIMIT} 个。`,
    });
  }
  const escaped = Object.fromEntries(
    flat.map(([name, value]) => [hide(name), value]),
  );
  try {
    const nested = qs.parse(escaped, {
      allowDots: true,
      arrayLimit: ARRAY_LIMIT,
      depth: DEPTH,
      strictDepth: true,
      throwOnLimitExceeded: true,
      // Objects without a prototype, so qs keeps `constructor` and
      // `toString` rather than dropping them.
      plainObjects: true,
    });
    return ordinary(nested) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw error.message.startsWith('Array')
      ? new ApiError('InvalidParameter', {
          'en-US': `A list parameter has more than ${ARRAY_LIMIT} items.`,
          'zh-CN': `列表参数超过 ${ARRAY_LIMIT} 项。`,
        })
      : new ApiError('InvalidParameter', {
          'en-US': `The parameters are nested more than ${DEPTH} levels deep.`,
          'zh-CN': `参数嵌套超过 ${DEPTH} 层。`,
        });
  }
}

// qs drops every `__proto__` part of a name, even into objects without a
// prototype. Each `__proto__` gets one more NUL after it on the way in
// and one fewer on the way out, which no client name can collide with.
const hide = (name: string) => name.replace(/__proto__(\0*)/g, '__proto__$1\0');
const unhide = (name: string) =>
  name.replace(/__proto__\0(\0*)/g, '__proto__$1');

function ordinary(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordinary);
  if (typeof value !== 'object' || value === null) return value;
  const members = Object.entries(value);
  return Object.fromEntries(
    members.map(([key, member]) => [unhide(key), ordinary(member)]),
  );
}
