import type { IncomingHttpHeaders } from 'node:http';

/** The protocol's own parameters, wherever the request form carries them. */
export interface CommonParameters {
  readonly action: string | undefined;
  readonly version: string | undefined;
  readonly region: string | undefined;
  readonly language: string | undefined;
}

/**
 * The parameters a v1 request sends beside the action's own; they are
 * taken out before the action's parameters are checked.
 */
const V1_COMMON = new Set([
  'Action',
  'Version',
  'Region',
  'Timestamp',
  'Nonce',
  'SecretId',
  'SignatureMethod',
  'Token',
  'Language',
  'RequestClient',
  'Signature',
]);

/** TC3 requests carry the common parameters in `X-TC-*` headers. */
export function tc3CommonParameters(
  headers: IncomingHttpHeaders,
): CommonParameters {
  return {
    action: nonEmpty(headers['x-tc-action']),
    version: nonEmpty(headers['x-tc-version']),
    region: nonEmpty(headers['x-tc-region']),
    language: nonEmpty(headers['x-tc-language']),
  };
}

/** v1 requests carry them among the parameters. */
export function v1CommonParameters(
  flat: Readonly<Record<string, string>>,
): CommonParameters {
  return {
    action: nonEmpty(flat.Action),
    version: nonEmpty(flat.Version),
    region: nonEmpty(flat.Region),
    language: nonEmpty(flat.Language),
  };
}

/** An action's parameters without the v1 common ones. */
export function withoutV1Common(
  params: Record<string, unknown>,
): Record<string, unknown> {
  // fromEntries defines properties, so a `__proto__` key stays a key.
  return Object.fromEntries(
    Object.entries(params).filter(([key]) => !V1_COMMON.has(key)),
  );
}

function nonEmpty(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
