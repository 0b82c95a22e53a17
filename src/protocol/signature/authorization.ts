/** The algorithm name that opens a TC3 `Authorization` header. */
export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';

/** The parts of a well-formed TC3 `Authorization` header. */
export interface Tc3Authorization {
  readonly secretId: string;
  /** Scope date, `yyyy-mm-dd`. */
  readonly date: string;
  /** Scope service, such as `cvm`. */
  readonly service: string;
  /** Lower-case header names, in the order they were signed. */
  readonly signedHeaders: readonly string[];
  /** Lower-case hex, 64 digits. */
  readonly signature: string;
}

// Real headers are about 200 characters; anything far longer is refused
// before any work is spent on it.
const MAX_HEADER = 1024;
const MAX_SIGNED_HEADERS = 16;
const SECRET_ID = /^[\x21-\x7e]{1,128}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// The Node SDK names the service after the endpoint's first label, so a
// local endpoint gives `127`, `localhost:3000` or even `localhost:3000/api`.
const SERVICE = /^[A-Za-z0-9._:[\]-]+(\/[A-Za-z0-9._:[\]-]+)*$/;
const MAX_SERVICE = 128;
const HEADER_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const SIGNATURE = /^[0-9a-f]{64}$/i;
const PART_NAMES = ['Credential', 'SignedHeaders', 'Signature'] as const;

/**
 * Reads `TC3-HMAC-SHA256 Credential=<SecretId>/<date>/<service>/tc3_request,
 * SignedHeaders=content-type;host, Signature=<hex>`; `undefined` when the
 * value is missing or malformed in any way.
 *
 * @example
 * parseAuthorization(req.headers.authorization)?.secretId
 */
export function parseAuthorization(
  value: string | undefined,
): Tc3Authorization | undefined {
  if (value === undefined || value.length > MAX_HEADER) return undefined;
  const prefix = `${TC3_ALGORITHM} `;
  if (!value.startsWith(prefix)) return undefined;
  const parts = readParts(value.slice(prefix.length));
  if (parts === undefined) return undefined;
  const scope = readCredential(parts.Credential);
  const signedHeaders = readSignedHeaders(parts.SignedHeaders);
  if (scope === undefined || signedHeaders === undefined) return undefined;
  if (!SIGNATURE.test(parts.Signature)) return undefined;
  return { ...scope, signedHeaders, signature: parts.Signature.toLowerCase() };
}

type Parts = Record<(typeof PART_NAMES)[number], string>;

function readParts(text: string): Parts | undefined {
  const found = new Map<string, string>();
  for (const part of text.split(',')) {
    const match = /^\s*([A-Za-z]+)=(\S+)\s*$/.exec(part);
    if (match === null) return undefined;
    const [, name = '', content = ''] = match;
    if (found.has(name)) return undefined;
    found.set(name, content);
  }
  if (found.size !== PART_NAMES.length) return undefined;
  const parts: Partial<Parts> = {};
  for (const name of PART_NAMES) {
    const content = found.get(name);
    if (content === undefined) return undefined;
    parts[name] = content;
  }
  return parts as Parts;
}

function readCredential(
  credential: string,
): Pick<Tc3Authorization, 'secretId' | 'date' | 'service'> | undefined {
  const segments = credential.split('/');
  if (segments.length < 4 || segments.pop() !== 'tc3_request') {
    return undefined;
  }
  const [secretId = '', date = '', ...rest] = segments;
  const service = rest.join('/');
  if (!SECRET_ID.test(secretId) || !DATE.test(date)) return undefined;
  if (service.length > MAX_SERVICE || !SERVICE.test(service)) {
    return undefined;
  }
  return { secretId, date, service };
}

function readSignedHeaders(list: string): string[] | undefined {
  const names = list.split(';');
  if (names.length > MAX_SIGNED_HEADERS) return undefined;
  if (!names.every((name) => HEADER_NAME.test(name))) return undefined;
  if (new Set(names).size !== names.length) return undefined;
  // Every official SDK signs both; a signature without them would not
  // bind the request to this server or its body's format.
  if (!names.includes('content-type') || !names.includes('host')) {
    return undefined;
  }
  return names;
}
