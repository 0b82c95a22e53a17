import type { Request } from 'express';
import { ApiError } from '../errors/api-error.js';
import * as messages from './messages.js';

// What a POST body is: the two media types the SDKs send, in UTF-8.

export const JSON_TYPE = 'application/json';
export const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * The body's media type, refusing any other type or charset and any
 * Content-Encoding. Without a Content-Type the body is read as JSON, so
 * that a bare POST with no body is an action without parameters.
 */
export function checkedMediaType(req: Request): string {
  const header = req.headers['content-type'] ?? JSON_TYPE;
  const [type = '', ...parameters] = header.split(';');
  const media = type.trim().toLowerCase();
  const charset = parameters
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='));
  const utf8Charset = !charset || /^charset="?utf-8"?$/.test(charset);
  if ((media !== JSON_TYPE && media !== FORM_TYPE) || !utf8Charset) {
    throw new ApiError('InvalidParameter', messages.unsupportedContentType, {
      status: 415,
    });
  }
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
    throw new ApiError('InvalidParameter', messages.unsupportedEncoding, {
      status: 415,
    });
  }
  return media;
}

export /** The parameters of a JSON body; an empty body has none. */
function parseJson(bytes: Buffer): Record<string, unknown> {
  if (bytes.length === 0) return {};
  const text = utf8(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError('InvalidParameter', messages.notJson);
  }
  if (!isRecord(value))
    throw new ApiError('InvalidParameter', messages.notAnObject);
  return value;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The body as text; invalid UTF-8 is an `InvalidParameter`. */
export function utf8(bytes: Buffer): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new ApiError('InvalidParameter', messages.notUtf8);
  }
}

/** Whether a value is a JSON object (not an array or null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
