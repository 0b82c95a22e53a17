import Ajv, { type Options } from 'ajv';
import createDebug from 'debug';

const debugParameters = createDebug('express-tcapi:parameters');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HOUR = '([01]\\d|2[0-3])';
const TIME = new RegExp(
  `^${HOUR}:[0-5]\\d:[0-5]\\d(\\.\\d+)?(Z|[+-]${HOUR}:[0-5]\\d)$`,
  'i',
);
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^(${OCTET}\\.){3}${OCTET}$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const month = Number(match[2]) - 1;
  const day = Number(match[3]);
  const date = new Date(0);
  // setUTCFullYear rolls 02-30 over into March, so only a real date
  // survives the round trip (and, unlike Date.UTC, keeps years below 100).
  date.setUTCFullYear(Number(match[1]), month, day);
  return date.getUTCMonth() === month && date.getUTCDate() === day;
}

function isDateTime(text: string): boolean {
  const [date, time, extra] = text.split(/[Tt ]/);
  return extra === undefined && isDate(date ?? '') && TIME.test(time ?? '');
}

/**
 * The formats a parameter schema may name; any other is refused.
 *
 * @example
 * ({ type: 'string', format: 'date-time' }); // 2024-01-01T08:00:00+08:00
 */
export const PARAMETER_FORMATS = Object.freeze([
  'date',
  'date-time',
  'ipv4',
  'uuid',
]);

const options: Options = {
  allErrors: true,
  // Lets error messages name Tencent types (`Array of String`) and
  // tell a wrong kind of value from a wrong value, for const and enum.
  verbose: true,
  // A client sending `constructor` must not satisfy `required: ['constructor']`
  // through the prototype.
  ownProperties: true,
  strictSchema: true,
  strictNumbers: true,
  strictTypes: false,
  strictTuples: false,
  // Checked by the schema walk instead, only where it cannot be intended.
  strictRequired: false,
  formats: { date: isDate, 'date-time': isDateTime, ipv4: IPV4, uuid: UUID },
  logger: {
    log: debugParameters,
    warn: debugParameters,
    error: debugParameters,
  },
};

/**
 * Checks JSON bodies (TC3 POST), whose values carry their own types.
 *
 * @example
 * strictAjv.compile(closeSchema(schema));
 */
export const strictAjv = new Ajv(options);

/**
 * Checks GET and v1 form parameters, where every value arrives as a
 * string: `"5"` becomes 5, `"true"` true, and a single value where an
 * array is declared a one-item array.
 *
 * @example
 * coercingAjv.compile(closeSchema(schema));
 */
export const coercingAjv = new Ajv({ ...options, coerceTypes: 'array' });
