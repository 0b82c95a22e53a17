import { serialize } from './serialize.js';

/** How a success body is written. */
export interface SuccessFormat {
  readonly bigint: 'number' | 'string';
  readonly dataKey: string;
}

/**
 * The success envelope for a result: `{"Response": {...result, "RequestId"}}`.
 * An array or primitive goes under `dataKey`; nothing at all gives just the
 * id; a result that already is an envelope is kept as it is, and gets the
 * id only if it has none. Throws when the result cannot be serialised or
 * has an `Error` field.
 */
export function successBody(
  result: unknown,
  requestId: string,
  format: SuccessFormat,
): string {
  const value = toJsonValue(result);
  if (isEnvelope(value)) {
    const inner = value.Response;
    return typeof inner.RequestId === 'string'
      ? serialize(value, format.bigint)
      : serialize({ Response: { ...inner, RequestId: requestId } }, format.bigint);
  }
  return serialize({ Response: fields(value, requestId, format) }, format.bigint);
}

/** The error envelope. Built from strings only, so it cannot fail. */
export function errorBody(code: string, message: string, requestId: string): string {
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
    if (Object.hasOwn(value, 'Error')) {
      // Every SDK reads `Response.Error` as a failure, whatever else is there.
      throw new TypeError('A result may not have an `Error` field.');
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

function isEnvelope(value: unknown): value is { Response: Record<string, unknown> } {
  return (
    isPlainRecord(value) &&
    Object.keys(value).length === 1 &&
    isPlainRecord(value.Response)
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
