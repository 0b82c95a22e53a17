import { afterEach } from 'vitest';

/** Something a test starts and must stop, such as a listening server. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Registers an `afterEach` that closes whatever the returned `track` was
 * given during the test. `track` waits for what it is given and hands it
 * back, so that a test starts and tracks a server in one expression.
 */
export function closeAfterEach() {
  let started: Closable[] = [];
  afterEach(async () => {
    await Promise.all(started.map((closable) => closable.close()));
    started = [];
  });
  return async function track<T extends Closable>(
    starting: Promise<T>,
  ): Promise<T> {
    const closable = await starting;
    started.push(closable);
    return closable;
  };
}
