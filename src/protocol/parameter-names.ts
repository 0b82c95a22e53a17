/** Longest parameter name put in a message, in characters. */
const MAX_NAME = 64;
/** Longest list of allowed values put in a message, in characters. */
const MAX_VALUES = 160;

const TYPE_NAMES: Readonly<Record<string, string>> = {
  integer: 'Integer',
  number: 'Float',
  string: 'String',
  boolean: 'Boolean',
  object: 'Object',
  null: 'Null',
  array: 'Array',
};

/**
 * The segments of an Ajv `instancePath` (a JSON Pointer), unescaped:
 * `/Filters/0/Name` gives `['Filters', '0', 'Name']`.
 *
 * @example
 * pointerSegments('/Tags/a~1b'); // ['Tags', 'a/b']
 */
export function pointerSegments(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * A parameter's name as Tencent Cloud writes it, `Filters.0.Name`, made
 * safe to show: parts of it may come from the client, so characters that
 * do not print are replaced and the name is cut to 64 characters.
 *
 * @example
 * parameterName(['Filters', '0', 'Name']); // 'Filters.0.Name'
 */
export function parameterName(segments: readonly string[]): string {
  return bounded(segments.join('.'), MAX_NAME);
}

/**
 * A JSON Schema type in the names Tencent Cloud's documentation uses:
 * `Integer`, `Float`, `String`, `Boolean`, `Object`, `Array of String`.
 *
 * @example
 * typeName('array', { items: { type: 'integer' } }); // 'Array of Integer'
 */
export function typeName(type: unknown, schema?: unknown, depth = 0): string {
  const types = Array.isArray(type) ? type : [type];
  return types
    .map((one) => {
      const name = TYPE_NAMES[String(one)] ?? 'Unknown';
      if (one !== 'array' || depth > 2) return name;
      const items = isRecord(schema) ? schema.items : undefined;
      const inner = isRecord(items) ? itemType(items, depth) : undefined;
      return inner ? `${name} of ${inner}` : name;
    })
    .join(' or ');
}

function itemType(
  items: Record<string, unknown>,
  depth: number,
): string | undefined {
  if (typeof items.type === 'string') {
    return typeName(items.type, items, depth + 1);
  }
  return Object.hasOwn(items, 'properties') ? 'Object' : undefined;
}

/**
 * The JSON type of a value, as a JSON Schema `type` names it.
 *
 * @example
 * jsonType(1.5); // 'number'
 */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

/**
 * The allowed values of an `enum` or `const`, for a message, or
 * `undefined` when they are too many to list.
 *
 * @example
 * describeValues(['ASC', 'DESC']); // 'ASC, DESC'
 */
export function describeValues(values: readonly unknown[]): string | undefined {
  const text = values
    .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    .join(', ');
  return text.length <= MAX_VALUES ? bounded(text, MAX_VALUES) : undefined;
}

function bounded(text: string, max: number): string {
  // Code points, so that a cut never splits a surrogate pair.
  const chars = Array.from(text.replace(/\p{C}/gu, '\uFFFD'));
  if (chars.length <= max) return chars.join('');
  return `${chars.slice(0, max - 1).join('')}…`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
