// Bytes of the JSON grammar; every one is ASCII, so none can be part of
// a multi-byte UTF-8 character and the text is scanned as bytes.
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN = new Set([0x7b, 0x5b]); // { [
const CLOSE = new Set([0x7d, 0x5d]); // } ]
const OBJECT = 0x7b;
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** An open object or array, and the key it is the value of. */
interface Level {
  readonly object: boolean;
  readonly key: string | undefined;
}

/**
 * The envelope `body` (valid JSON, as `envelopeFacts()` found it) with
 * the value of `Response.RequestId` replaced by the JSON string `id`, and
 * every other byte as it was: numbers beyond 2^53, escapes and spacing
 * stay exactly as the upstream wrote them, which parsing and writing the
 * body again would not keep. A key repeated (which parsers settle
 * differently) has each of its values replaced.
 */
export function replaceRequestId(body: Buffer, id: string): Buffer {
  const pieces: Buffer[] = [];
  const levels: Level[] = [];
  const replacement = Buffer.from(JSON.stringify(id), 'utf8');
  let key: string | undefined;
  let copied = 0;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i]!;
    if (byte === QUOTE) {
      const end = stringEnd(body, i);
      if (body[nextToken(body, end)] === COLON) {
        key = JSON.parse(body.toString('utf8', i, end)) as string;
      } else if (isRequestIdValue(levels, key)) {
        pieces.push(body.subarray(copied, i), replacement);
        copied = end;
      }
      i = end - 1;
    } else if (OPEN.has(byte)) {
      levels.push({ object: byte === OBJECT, key });
      key = undefined;
    } else if (CLOSE.has(byte)) {
      levels.pop();
      key = undefined;
    }
  }
  pieces.push(body.subarray(copied));
  return Buffer.concat(pieces);
}

// A string value under the key `RequestId` of the object that is the
// value of `Response` in the top-level object.
function isRequestIdValue(levels: Level[], key: string | undefined) {
  return (
    key === 'RequestId' &&
    levels.length === 2 &&
    levels[0]!.object &&
    levels[1]!.object &&
    levels[1]!.key === 'Response'
  );
}

// The index just past the closing quote of the string opened at `start`.
function stringEnd(body: Buffer, start: number): number {
  let i = start + 1;
  while (i < body.length && body[i] !== QUOTE) {
    i += body[i] === BACKSLASH ? 2 : 1;
  }
  return Math.min(i + 1, body.length);
}

function nextToken(body: Buffer, from: number): number {
  let i = from;
  while (WHITESPACE.has(body[i]!)) i += 1;
  return i;
}
