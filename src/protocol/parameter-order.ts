import type { ErrorObject } from 'ajv';
import { pointerSegments } from './parameter-names.js';

/**
 * The first of `errors` in the order of the request itself: Ajv reports
 * errors in the order of the schema, but the client reads its request
 * top-down: a parameter, then the members nested in it, then the next
 * parameter. A missing member counts as its object; ties keep Ajv's
 * order, so missing members follow the schema's `required`.
 *
 * @example
 * instanceOrder(validate.errors ?? [], params);
 */
export function instanceOrder(
  errors: readonly ErrorObject[],
  data: unknown,
): ErrorObject | undefined {
  const indexes = new WeakMap<object, Map<string, number>>();
  const keyIndex = (node: object, key: string): number => {
    let map = indexes.get(node);
    if (!map) {
      // Built once per object, so that thousands of unknown members cost
      // one pass over the object rather than one per error.
      map = new Map(Object.keys(node).map((name, index) => [name, index]));
      indexes.set(node, map);
    }
    return map.get(key) ?? Number.MAX_SAFE_INTEGER;
  };

  const position = (error: ErrorObject): number[] => {
    const out: number[] = [];
    let node: unknown = data;
    const path = pointerSegments(error.instancePath);
    const extra = error.params.additionalProperty;
    if (typeof extra === 'string') path.push(extra);
    for (const key of path) {
      if (typeof node !== 'object' || node === null) break;
      out.push(Array.isArray(node) ? Number(key) : keyIndex(node, key));
      node = Object.hasOwn(node, key)
        ? (node as Record<string, unknown>)[key]
        : undefined;
    }
    return out;
  };

  let first: ErrorObject | undefined;
  let firstPosition: number[] = [];
  for (const error of errors) {
    const at = position(error);
    if (!first || before(at, firstPosition)) {
      first = error;
      firstPosition = at;
    }
  }
  return first;
}

// Lexicographic, a parent before its members.
function before(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0);
  }
  return a.length < b.length;
}
