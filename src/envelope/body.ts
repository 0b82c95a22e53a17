import { isSafeId } from '../request-id.js';
import { serialize } from './serialize.js';

/** How a success body is written. */
export interface SuccessFormat {
  readonly bigint: 'number' | 'string';
  readonly dataKey: string;
}

/** A success body and the request id it carries. */
export interface SuccessBody {
  readonly text: string;
  readonly requestId: string;
}

/**
 * The success envelope for a result: `{"Response": {...result, "RequestId"}}`.
 * An array or primitive goes under `dataKey`; nothing at all gives just the
 * id. A result that already is an envelope is kept as it is, with its own
 * `RequestId` when that is a safe id, or else with ours. Throws when the
 * result cannot be serialised, or has an `Error` or `Response` field that
 * would make it read as something it is not.
 */
export function successBody(
  result: unknown,
  requestId: string,
  format: SuccessFormat,
): SuccessBody {
  const value = toJsonValue(result);
  if (isEnvelope(value)) {
    const own = value.Response.RequestId;
    if (isSafeId(own))
      return { text: serialize(value, format.bigint), requestId: own };
    const inner = { ...value.Response, RequestId: requestId };
    return { text: serialize({ Response: inner }, format.bigint), requestId };
  }
  const text = serialize(
    { Response: fields(value, requestId, format) },
    format.bigint,
  );
  return { text, requestId };
}

/** The error envelope. Built from strings only, so it cannot fail. */
export function errorBody(
  code: string,
  message: string,
  requestId: string,
): string {
  return JSON.stringify({
    Response: { Error: { Code: code, Message: message }, RequestId: requestId },
  });
}

function fields(
  value: unknown,
  requestId: string,
  format: SuccessFormat,
): Record<string, unknown> {
  if (value === undefined || value === null) return { RequestId: requestId };
  if (isPlainRecord(value)) {
    // Every SDK reads `Response.Error` as a failure, whatever else is
    // there; a `Response` field would nest a second envelope level.
    for (const key of ['Error', 'Response']) {
      if (value[key] !== undefined) {
        throw new TypeError(`A result may not have a \`${key}\` field.`);
      }
    }
    const { RequestId: _ignored, ...rest } = value;
    return { ...rest, RequestId: requestId };
  }
  return { [format.dataKey]: value, RequestId: requestId };
}

// Like JSON.stringify, a top-level toJSON decides what the result is.
function toJsonValue(result: unknown): unknown {
  const toJSON = (result as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === 'function' ? toJSON.call(result, '') : result;
}

function isEnvelope(
  value: unknown,
): value is { Response: Record<string, unknown> } {
  if (!isPlainRecord(value) || !isPlainRecord(value.Response)) return false;
  // JSON drops undefined members, so they do not count as other fields.
  return Object.keys(value).every(
    (key) => key === 'Response' || value[key] === undefined,
  );
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value)
  );
}
