import type { Credential, CredentialLookup } from './signature/verify.js';

/**
 * Where the router finds the secret key of a SecretId: a function (sync or
 * async), or a table of SecretId to secret key or to a credential with a
 * token for temporary keys.
 */
export type CredentialsOption =
  CredentialLookup | Readonly<Record<string, string | Credential>>;

/** Turns the option into a lookup; checked once, at set-up. */
export function credentialLookup(option: CredentialsOption): CredentialLookup {
  if (typeof option === 'function') return option;
  if (typeof option !== 'object' || option === null) {
    throw new TypeError(
      `express-tcapi: option \`credentials\` must be a function or a table of SecretId to secret key; received ${String(option)}.`,
    );
  }
  if (typeof option.secretId === 'string' && 'secretKey' in option) {
    throw new TypeError(
      'express-tcapi: option `credentials` is a table keyed by SecretId: write { [secretId]: secretKey }, not { secretId, secretKey }.',
    );
  }
  const table = new Map<string, Credential>();
  for (const [secretId, entry] of Object.entries(option)) {
    const credential = typeof entry === 'string' ? { secretKey: entry } : entry;
    if (
      typeof credential?.secretKey !== 'string' ||
      credential.secretKey === ''
    ) {
      throw new TypeError(
        `express-tcapi: the credentials of SecretId ${secretId} need a non-empty secretKey.`,
      );
    }
    table.set(secretId, Object.freeze({ ...credential }));
  }
  return (secretId) => table.get(secretId);
}
