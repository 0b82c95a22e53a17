type Schema = Record<string, unknown>;

const MAPS = ['properties', 'patternProperties', 'definitions', '$defs'];
const SINGLES = ['additionalProperties', 'items', 'additionalItems'];

/**
 * A copy of `schema` in which every object schema that does not set
 * `additionalProperties` refuses undeclared members, as the real service
 * refuses undeclared parameters. The caller's schema is left untouched.
 *
 * Only schemas that describe the shape of the parameters are closed: the
 * root and what is reached through `properties`, `patternProperties`,
 * `additionalProperties`, `items`, `additionalItems`, `definitions` and
 * `$defs`. Subschemas of `allOf`, `anyOf`, `oneOf`, `not`, `if`, `then`,
 * `else` and `dependencies` only add conditions to an object described
 * elsewhere; closing them would refuse members that the enclosing schema
 * declares, so they are kept as written. For the same reason an object
 * schema that declares no `properties` of its own but takes its shape
 * from `$ref`, `allOf`, `anyOf`, `oneOf` or `if` is left open; the
 * schemas it refers to are closed where they are defined.
 *
 * @throws TypeError when the root is not an object schema, or when a
 * closed schema requires a member it does not declare (no request could
 * ever pass it).
 *
 * @example
 * closeSchema({ type: 'object', properties: { Limit: { type: 'integer' } } });
 * // { type: 'object', properties: { ... }, additionalProperties: false }
 */
export function closeSchema(schema: unknown): Schema {
  if (!isSchemaObject(schema)) {
    throw new TypeError(
      `express-tcapi: compileParameters() needs a JSON Schema object such as { type: 'object', properties: { Limit: { type: 'integer' } } }; received ${kindOf(schema)}.`,
    );
  }
  if (schema.type !== undefined && schema.type !== 'object') {
    const got = JSON.stringify(schema.type);
    throw new TypeError(
      `express-tcapi: a parameter schema describes the object of an action's parameters, so its type must be 'object'; received ${got}.`,
    );
  }
  return close(schema, '#', true);
}

function close(schema: Schema, path: string, isRoot = false): Schema {
  const copy: Schema = { ...schema };
  for (const key of MAPS) {
    const members = schema[key];
    if (isSchemaObject(members)) {
      copy[key] = Object.fromEntries(
        Object.entries(members).map(([name, sub]) => [
          name,
          closeAny(sub, `${path}/${key}/${name}`),
        ]),
      );
    }
  }
  for (const key of SINGLES) {
    const sub = schema[key];
    if (Array.isArray(sub)) {
      copy[key] = sub.map((item, i) => closeAny(item, `${path}/${key}/${i}`));
    } else if (isSchemaObject(sub)) {
      copy[key] = close(sub, `${path}/${key}`);
    }
  }
  if ((isRoot || describesObject(schema)) && isToClose(schema)) {
    copy.additionalProperties = false;
    checkRequired(schema, path);
  }
  return copy;
}

function closeAny(schema: unknown, path: string): unknown {
  return isSchemaObject(schema) ? close(schema, path) : schema;
}

const SHAPED_ELSEWHERE = ['$ref', 'allOf', 'anyOf', 'oneOf', 'if'];

function describesObject(schema: Schema): boolean {
  const { type } = schema;
  return (
    type === 'object' ||
    (Array.isArray(type) && type.includes('object')) ||
    Object.hasOwn(schema, 'properties') ||
    Object.hasOwn(schema, 'patternProperties')
  );
}

// Whether undeclared members are to be refused in this object schema.
function isToClose(schema: Schema): boolean {
  if (Object.hasOwn(schema, 'additionalProperties')) return false;
  const has = (key: string) => Object.hasOwn(schema, key);
  if (has('properties') || has('patternProperties')) return true;
  return !SHAPED_ELSEWHERE.some(has);
}

function checkRequired(schema: Schema, path: string): void {
  const { required, properties, patternProperties } = schema;
  if (!Array.isArray(required) || patternProperties !== undefined) return;
  const declared = isSchemaObject(properties) ? properties : {};
  for (const name of required) {
    if (typeof name === 'string' && !Object.hasOwn(declared, name)) {
      throw new TypeError(
        `express-tcapi: the parameter schema at ${path} requires \`${name}\` but does not declare it in \`properties\`, so every request would be refused as carrying an unknown parameter. Declare it under \`properties\`, or set \`additionalProperties\` yourself.`,
      );
    }
  }
}

function isSchemaObject(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
