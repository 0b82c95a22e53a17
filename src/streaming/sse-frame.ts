import { serialize } from '../envelope/serialize.js';

/**
 * The keep-alive comment. Every SSE parser skips the line, but the blank
 * line after it ends an event: the Node.js SDK yields it as a message
 * with empty `data`.
 */
export const PING_FRAME = ': ping\n\n';

/**
 * One event as the real service writes it: a single `data:` line of JSON
 * and a blank line, without `event:` or `id:` lines. JSON text never
 * holds a raw line break, so one line always suffices. Throws a
 * `TypeError` for an event without a JSON form (a cycle, `undefined`).
 */
export function dataFrame(event: unknown, bigint: 'number' | 'string'): string {
  return `data: ${serialize(event, bigint)}\n\n`;
}
