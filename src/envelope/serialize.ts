import { configure } from 'safe-stable-stringify';

// Keys keep their order (deterministic: false); a cycle throws instead of
// being written as a placeholder the client could mistake for data.
const asNumbers = configure({
  bigint: true,
  circularValue: Error,
  deterministic: false,
});

const bigintAsString = (_key: string, value: unknown): unknown =>
  typeof value === 'bigint' ? value.toString() : value;

/**
 * JSON text for a result. A `BigInt` becomes an exact JSON number (the
 * official SDKs' typed models expect numbers) or, on request, a string.
 * Throws a `TypeError` on a cycle.
 */
export function serialize(value: unknown, bigint: 'number' | 'string'): string {
  // The native serialiser is several times faster and throws only on a
  // BigInt or a cycle; the careful one then handles both.
  try {
    const text = JSON.stringify(value);
    if (text !== undefined) return text;
  } catch {
    // Handled below.
  }
  const text =
    bigint === 'string' ? asNumbers(value, bigintAsString) : asNumbers(value);
  if (text === undefined) throw new TypeError('The result has no JSON form.');
  return text;
}
