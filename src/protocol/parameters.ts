import type { JSONSchemaType, ValidateFunction } from 'ajv';
import type Ajv from 'ajv';
import { coercingAjv, PARAMETER_FORMATS, strictAjv } from './parameter-ajv.js';
import { parameterError } from './parameter-errors.js';
import { closeSchema } from './parameter-schema.js';

/**
 * A JSON Schema (draft-07, as Ajv 8 reads it in strict mode) of an
 * action's parameters: an object schema. Formats known: `date`,
 * `date-time`, `ipv4`, `uuid`.
 */
export type ParameterSchema = Record<string, unknown>;

/**
 * A parameter schema checked against the type `T` of the parameters, as
 * Ajv's `JSONSchemaType<T>`: optional members need `nullable: true`.
 *
 * @example
 * interface Params { Limit?: number }
 * const schema: TypedParameterSchema<Params> = { type: 'object',
 *   properties: { Limit: { type: 'integer', nullable: true } } };
 */
export type TypedParameterSchema<T> = JSONSchemaType<T>;

/** Options of a {@link ParameterCheck}. */
export interface ParameterCheckOptions {
  /**
   * Whether the values arrived as strings (TC3 GET, v1 query or form) and
   * are to be coerced to the declared types; false for JSON bodies.
   */
  coerce: boolean;
}

/**
 * Checks one request's parameters. Without coercion it returns the very
 * object it was given, unchanged. With coercion it works on a copy
 * (`structuredClone`), which it returns coerced: `"5"` becomes 5 where an
 * integer or number is declared, `"true"` and `"false"` become booleans,
 * and a single value where an array is declared becomes a one-item array
 * (and a one-item array where a single value is declared, that value).
 * The caller's object is never changed. Throws an `ApiError` when the
 * parameters do not match.
 */
export interface ParameterCheck<T> {
  (params: Record<string, unknown>, options: ParameterCheckOptions): T;
}

const checks = new WeakMap<object, ParameterCheck<unknown>>();

/**
 * Compiles an action's parameter schema, once, into a check that answers
 * as the real service does: `UnknownParameter` for an undeclared
 * parameter (object schemas refuse undeclared members unless they set
 * `additionalProperties`), `MissingParameter`, `InvalidParameter` for a
 * wrong type or format, `InvalidParameterValue` for a value out of range.
 * Compiling the same schema object again returns the same check.
 *
 * @throws TypeError (`express-tcapi: ...`) when the schema is not valid.
 *
 * @example
 * const check = compileParameters<{ Limit?: number }>({
 *   type: 'object',
 *   properties: { Limit: { type: 'integer', minimum: 1, maximum: 100 } },
 * });
 * check({ Limit: '5' }, { coerce: true }); // { Limit: 5 }
 * check({ Limit: 500 }, { coerce: false }); // throws InvalidParameterValue
 */
export function compileParameters<T = Record<string, unknown>>(
  schema: ParameterSchema | TypedParameterSchema<T>,
): ParameterCheck<T> {
  const cached = isObject(schema) ? checks.get(schema) : undefined;
  if (cached) return cached as ParameterCheck<T>;
  const closed = closeSchema(schema);
  const strict = compile(strictAjv, closed);
  const coercing = compile(coercingAjv, closed);
  const check: ParameterCheck<T> = function checkParameters(params, options) {
    const coerce = options?.coerce === true;
    const data = coerce ? structuredClone(params) : params;
    const validate = coerce ? coercing : strict;
    if (!validate(data)) throw parameterError(validate.errors ?? [], data);
    return data as T;
  };
  checks.set(schema, check);
  return check;
}

function compile(ajv: Ajv, schema: ParameterSchema): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const formats = PARAMETER_FORMATS.join(', ');
    throw new TypeError(
      `express-tcapi: compileParameters() cannot compile the parameter schema: ${reason}. Fix the schema: it must be JSON Schema draft-07 with known keywords only, each \`$id\` used once, and formats among ${formats}.`,
      { cause: error },
    );
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
