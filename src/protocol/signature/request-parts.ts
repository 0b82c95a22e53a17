// Small readers shared by the TC3 and v1 checks.

/** A header as one string: repeated values joined, `''` when absent. */
export function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value.join(', ') : (value ?? '')).trim();
}

/** `undefined` for an absent or empty value, the value otherwise. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/**
 * A `Host` value without its port: `127.0.0.1:3000` gives `127.0.0.1`,
 * `[::1]:3000` gives `[::1]`. The Node SDK signs the host that way.
 */
export function withoutPort(host: string): string {
  return host.replace(/:\d*$/, '');
}

/** `values` without repeats, in their first order. */
export function distinct<T>(
  values: readonly T[],
  key: (value: T) => string = String,
): T[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const id = key(value);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
