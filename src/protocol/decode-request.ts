import type { Request } from 'express';
import { ApiError } from '../errors/api-error.js';
import {
  tc3CommonParameters,
  v1CommonParameters,
  withoutV1Common,
  type CommonParameters,
} from './common-parameters.js';
import { expandFlatParameters, flatParameters } from './flat-parameters.js';
import * as messages from './messages.js';
import {
  checkedMediaType,
  FORM_TYPE,
  isRecord,
  JSON_TYPE,
  parseJson,
  utf8,
} from './body-text.js';
import { readBody } from './raw-body.js';
import type { SignedRequest } from './signature/verify.js';

/** Largest accepted sizes, in bytes, per request form. */
export interface SizeLimits {
  /** The query string of a GET. */
  readonly get: number;
  /** An `application/x-www-form-urlencoded` POST body (v1). */
  readonly form: number;
  /** A JSON POST body (TC3). */
  readonly json: number;
}

/** A request in any of the forms the SDKs send, decoded into one shape. */
export interface DecodedRequest {
  readonly common: CommonParameters;
  /**
   * The action's own parameters, common ones taken out. Decoded only when
   * asked for, after the signature: a malformed body is a parameter
   * problem, which the real service reports after authentication.
   */
  readonly readParams: (
    unsigned?: readonly string[],
  ) => Record<string, unknown>;
  /** Whether the values arrived as strings (GET and forms) to be coerced. */
  readonly coerce: boolean;
  /** What a signature is checked against; absent when the bytes are gone. */
  readonly signed: SignedRequest | undefined;
}

type Form = SignedRequest['form'];

/**
 * Decodes TC3 POST (JSON), TC3 GET, v1 GET and v1 POST (form) requests
 * into one shape. The method must already be GET or POST. `beforeBody`
 * runs the checks that headers alone allow, after the size the request
 * declares and before its body is read.
 */
export async function decodeRequest(
  req: Request,
  limits: SizeLimits,
  beforeBody: (form: Form) => void = () => undefined,
): Promise<DecodedRequest> {
  const form: Form = isTc3(req) ? 'tc3' : 'v1';
  const mark = req.originalUrl.indexOf('?');
  const path = mark < 0 ? req.originalUrl : req.originalUrl.slice(0, mark);
  const rawQuery = mark < 0 ? '' : req.originalUrl.slice(mark + 1);
  const unsigned = {
    form,
    method: req.method,
    path,
    mount: req.baseUrl,
    rawQuery,
    headers: req.headers,
  };
  if (req.method === 'GET') {
    if (Buffer.byteLength(rawQuery) > limits.get) throw tooLarge();
    beforeBody(form);
    return fromText(rawQuery, { ...unsigned, rawBody: Buffer.alloc(0) });
  }
  const type = checkedMediaType(req);
  const limit = type === JSON_TYPE ? limits.json : limits.form;
  if (Number(req.headers['content-length']) > limit) throw tooLarge();
  beforeBody(form);
  const body = await readBody(req, limit).catch((error: unknown) => {
    const tooLong = (error as { type?: unknown }).type === 'entity.too.large';
    throw tooLong ? tooLarge() : error;
  });
  if (body.kind === 'parsed') return fromParsed(form, req, body.body, type);
  const signed = { ...unsigned, rawBody: body.bytes };
  if (type === FORM_TYPE) return fromText(utf8(body.bytes), signed);
  const common = tc3CommonParameters(req.headers);
  return {
    common,
    readParams: () => parseJson(body.bytes),
    coerce: false,
    signed,
  };
}

// GET queries and form bodies: flattened keys, every value a string.
function fromText(text: string, signed: SignedRequest): DecodedRequest {
  if (signed.form === 'tc3') {
    const common = tc3CommonParameters(signed.headers);
    return {
      common,
      readParams: () => expandFlatParameters(text),
      coerce: true,
      signed,
    };
  }
  const flat = flatParameters(text);
  return {
    common: v1CommonParameters(flat),
    // Parameters the signature did not cover are left out.
    readParams: (unsigned = []) =>
      withoutV1Common(expandFlatParameters(without(text, unsigned))),
    coerce: true,
    signed: { ...signed, v1Params: flat },
  };
}

// A body parser ran first without keeping the bytes: the parameters are
// usable, but a signature can no longer be checked.
function fromParsed(form: Form, req: Request, body: unknown, type: string) {
  const params =
    type === FORM_TYPE ? expandParsedForm(body) : isRecord(body) ? body : {};
  const common =
    form === 'tc3'
      ? tc3CommonParameters(req.headers)
      : v1CommonParameters(stringsOf(params));
  const own = form === 'tc3' ? params : withoutV1Common(params);
  return {
    common,
    readParams: () => own,
    coerce: type === FORM_TYPE,
    signed: undefined,
  };
}

// A form parser that ran first leaves the flattened names as they were
// sent (`Filters.0.Name`); they are expanded as the router would have.
function expandParsedForm(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) return {};
  const entries = Object.entries(body);
  if (
    !entries.every(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    )
  ) {
    return body;
  }
  return expandFlatParameters(new URLSearchParams(entries).toString());
}

function isTc3(req: Request): boolean {
  const auth = req.headers.authorization;
  return (
    (typeof auth === 'string' && auth.startsWith('TC3-')) ||
    req.headers['x-tc-action'] !== undefined
  );
}

function tooLarge(): ApiError {
  return new ApiError('RequestSizeLimitExceeded', messages.requestTooLarge);
}

function stringsOf(params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
}

function without(text: string, names: readonly string[]): string {
  if (names.length === 0) return text;
  const query = new URLSearchParams(text);
  for (const name of names) query.delete(name);
  return query.toString();
}
