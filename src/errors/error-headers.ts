// Headers an error may not set: the envelope owns them, they describe a
// body other than the envelope, or they would change how the connection
// or the client behaves. Every `Content-*` header is refused too.
const RESERVED = new Set([
  'transfer-encoding',
  'connection',
  'x-tc-requestid',
  'x-tc-traceid',
  'location',
  'refresh',
  'set-cookie',
  'etag',
  'last-modified',
  'digest',
]);

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * The headers of an error's `headers` property that are safe to send:
 * valid names and values, none of the envelope's own.
 */
export function safeErrorHeaders(source: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof source !== 'object' || source === null) return out;
  for (const [name, raw] of Object.entries(source)) {
    const value = typeof raw === 'number' ? String(raw) : raw;
    if (
      TOKEN.test(name) &&
      !RESERVED.has(name.toLowerCase()) &&
      !name.toLowerCase().startsWith('content-') &&
      typeof value === 'string' &&
      FIELD_VALUE.test(value)
    ) {
      out[name] = value;
    }
  }
  return out;
}
