import type { ServerResponse } from 'node:http';

// Headers that describe the body the app meant to send: on an error
// envelope they would lie about it. A `Content-Encoding: gzip` left behind
// makes every SDK fail to read the error at all.
const REPRESENTATION = [
  'content-encoding',
  'content-language',
  'content-range',
  'content-disposition',
  'content-location',
  'content-md5',
  'content-digest',
  'digest',
  'refresh',
  'etag',
  'last-modified',
  'expires',
  'cache-control',
  'location',
  'accept-ranges',
];

/** Removes the headers of a result the app had started to describe. */
export function clearRepresentationHeaders(res: ServerResponse): void {
  for (const name of REPRESENTATION) res.removeHeader(name);
}
