import type { ErrorObject } from 'ajv';
import { ApiError, type LocalizedMessage } from '../errors/api-error.js';
import { instanceOrder } from './parameter-order.js';
import {
  formatMessage,
  invalidMessage,
  missingMessage,
  typeMessage,
  unknownMessage,
  VALUE_KEYWORDS,
  valueMessage,
} from './parameter-messages.js';
import {
  describeValues,
  jsonType,
  parameterName,
  pointerSegments,
  typeName,
} from './parameter-names.js';

// Ranked as the real service reports them; `if` last, because its own
// error only repeats that its `then` or `else` failed, and those errors
// are reported too.
const RANKS = {
  UnknownParameter: 0,
  MissingParameter: 1,
  InvalidParameter: 2,
  InvalidParameterValue: 3,
  if: 4,
} as const;
type Kind = keyof typeof RANKS;

// Errors inside one alternative of `anyOf` or `oneOf` say why that
// alternative failed; the request failed all of them, which the error of
// the `anyOf` or `oneOf` itself reports.
const INSIDE_ALTERNATIVE = /\/(anyOf|oneOf)\/\d+\//;

/**
 * The `ApiError` that reports Ajv's `errors` for `data`: among all
 * errors, the first in the request's own order of the most important kind
 * (`UnknownParameter`, then `MissingParameter`, `InvalidParameter` and
 * `InvalidParameterValue`).
 *
 * @example
 * if (!validate(params)) throw parameterError(validate.errors ?? [], params);
 */
export function parameterError(
  errors: readonly ErrorObject[],
  data: unknown,
): ApiError {
  const relevant = errors.filter(
    (error) => !INSIDE_ALTERNATIVE.test(error.schemaPath),
  );
  const candidates = relevant.length > 0 ? relevant : errors;
  const rank = (error: ErrorObject) => RANKS[kindOf(error)];
  // Not Math.min(...): a body with many unknown members gives as many
  // errors, more than a call's arguments may number.
  const best = candidates.reduce((low, error) => Math.min(low, rank(error)), 4);
  const chosen = instanceOrder(
    candidates.filter((error) => rank(error) === best),
    data,
  );
  if (!chosen) return new ApiError('InvalidParameter');
  const kind = kindOf(chosen);
  const code = kind === 'if' ? 'InvalidParameter' : kind;
  return new ApiError(code, messageFor(chosen, kind));
}

function kindOf(error: ErrorObject): Kind {
  const { keyword, params } = error;
  if (keyword === 'additionalProperties' || keyword === 'false schema') {
    return 'UnknownParameter';
  }
  if (typeof params.missingProperty === 'string') return 'MissingParameter';
  if (keyword === 'if') return 'if';
  if (keyword === 'additionalItems') return 'InvalidParameterValue';
  if ((keyword === 'const' || keyword === 'enum') && isWrongKind(error)) {
    return 'InvalidParameter';
  }
  return VALUE_KEYWORDS.has(keyword)
    ? 'InvalidParameterValue'
    : 'InvalidParameter';
}

function messageFor(error: ErrorObject, kind: Kind): LocalizedMessage {
  const { keyword, params } = error;
  const path = pointerSegments(error.instancePath);
  const name = path.length > 0 ? parameterName(path) : undefined;
  switch (kind) {
    case 'UnknownParameter':
      return unknownMessage(named(path, params.additionalProperty));
    case 'MissingParameter':
      return missingMessage(named(path, params.missingProperty));
    case 'InvalidParameterValue':
      return keyword === 'additionalItems'
        ? valueMessage(name, 'maxItems', params.limit)
        : valueMessage(name, keyword, valueDetail(error));
    case 'InvalidParameter':
      if (keyword === 'type') {
        return typeMessage(name, typeName(params.type, error.parentSchema));
      }
      if (keyword === 'format' || keyword === 'pattern') {
        return formatMessage(name);
      }
      if (keyword === 'const' || keyword === 'enum') {
        return typeMessage(name, typeName(allowedKinds(error)));
      }
      return invalidMessage(name);
    default:
      return invalidMessage(name);
  }
}

// The name of the member `key` (from Ajv's params) of the object at `path`.
function named(path: string[], key: unknown): string {
  return parameterName(typeof key === 'string' ? [...path, key] : path);
}

function valueDetail(error: ErrorObject): unknown {
  if (error.keyword === 'enum' || error.keyword === 'const') {
    return describeValues(allowed(error));
  }
  return error.params.limit ?? error.params.multipleOf;
}

// The values an `enum` or `const` allows; `verbose` puts them in `schema`.
function allowed(error: ErrorObject): unknown[] {
  return error.keyword === 'enum' && Array.isArray(error.schema)
    ? error.schema
    : [error.schema];
}

// A value of another JSON type than every allowed value is malformed
// (`InvalidParameter`) rather than out of range. Integers and other
// numbers are one kind here: 1.5 for an enum of integers is out of range.
function isWrongKind(error: ErrorObject): boolean {
  const kinds = allowedKinds(error).map(numeric);
  return !kinds.includes(numeric(jsonType(error.data)));
}

function allowedKinds(error: ErrorObject): string[] {
  const kinds = new Set(allowed(error).map(jsonType));
  if (kinds.has('number')) kinds.delete('integer');
  return [...kinds];
}

const numeric = (kind: string) => (kind === 'integer' ? 'number' : kind);
