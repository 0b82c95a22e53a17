import { ApiError } from 'express-tcapi';

/**
 * What a parameter must look like. A deliberately small checker for the
 * generic parameter errors, in the wording the real service uses; checks
 * with codes of their own (ids, zones, images) belong to the actions.
 */
export type Rule = { required?: boolean } & (
  | { type: 'String'; oneOf?: readonly string[] }
  | { type: 'Integer'; min: number; max?: number }
  | { type: 'Boolean' }
  | { type: 'Array'; items: Rule; maxItems?: number }
  | { type: 'Object'; fields: Schema }
);

export type Schema = Readonly<Record<string, Rule>>;

/**
 * Checks an action's parameters against its schema and returns them,
 * typed. Throws `UnknownParameter`, `MissingParameter`, `InvalidParameter`
 * (wrong type), `InvalidParameterValue` (out of range) or
 * `InvalidParameterValue.LimitExceeded` (too many items).
 */
export function checkParameters<T>(params: unknown, schema: Schema): T {
  checkFields(params as Record<string, unknown>, schema, '');
  return params as T;
}

function checkFields(
  value: Record<string, unknown>,
  schema: Schema,
  prefix: string,
): void {
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(schema, key)) {
      throw new ApiError(
        'UnknownParameter',
        `The parameter \`${prefix}${key}\` is not recognized.`,
      );
    }
  }
  for (const [key, rule] of Object.entries(schema)) {
    const name = `${prefix}${key}`;
    const field = value[key];
    // The official SDKs drop null members, so null reads as "not given",
    // and the action sees it absent, its default applying.
    if (field === null) delete value[key];
    if (field === undefined || field === null) {
      if (rule.required) {
        throw new ApiError(
          'MissingParameter',
          `The request is missing a required parameter \`${name}\`.`,
        );
      }
      continue;
    }
    checkValue(field, rule, name);
  }
}

function checkValue(value: unknown, rule: Rule, name: string): void {
  switch (rule.type) {
    case 'String':
      if (typeof value !== 'string') throw wrongType(name, rule.type);
      if (rule.oneOf && !rule.oneOf.includes(value)) {
        throw new ApiError(
          'InvalidParameterValue',
          `The value \`${value}\` of the parameter \`${name}\` must be one of ${rule.oneOf.join(', ')}.`,
        );
      }
      return;
    case 'Integer': {
      if (!Number.isInteger(value)) throw wrongType(name, rule.type);
      const bounds = rangeViolated(value as number, rule.min, rule.max);
      if (bounds) {
        throw new ApiError(
          'InvalidParameterValue',
          `The value \`${value}\` of the parameter \`${name}\` must be ${bounds}.`,
        );
      }
      return;
    }
    case 'Boolean':
      if (typeof value !== 'boolean') throw wrongType(name, rule.type);
      return;
    case 'Array':
      if (!Array.isArray(value)) throw wrongType(name, rule.type);
      if (rule.maxItems !== undefined && value.length > rule.maxItems) {
        throw new ApiError(
          'InvalidParameterValue.LimitExceeded',
          `The parameter \`${name}\` accepts at most ${rule.maxItems} values.`,
        );
      }
      value.forEach((item, i) => checkValue(item, rule.items, `${name}.${i}`));
      return;
    case 'Object':
      if (!isRecord(value)) throw wrongType(name, rule.type);
      checkFields(value, rule.fields, `${name}.`);
      return;
  }
}

// The range a value is outside of, described; '' when it is inside.
function rangeViolated(value: number, min: number, max?: number): string {
  if (value >= min && (max === undefined || value <= max)) return '';
  return max === undefined ? `at least ${min}` : `between ${min} and ${max}`;
}

function wrongType(name: string, type: string): ApiError {
  return new ApiError(
    'InvalidParameter',
    `The parameter \`${name}\` must be of type ${type}.`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
