import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { ParentMessage, ServerMessage } from './ipc-messages.js';
import type { Variant } from './variants.js';

/** A running bench server, seen from the parent. */
export interface ServerProcess<Name extends string = Variant> {
  readonly variant: Name;
  readonly url: string;
  /** The server's user + system CPU time so far, in microseconds. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

const SERVER_ENTRY = fileURLToPath(new URL('./server.ts', import.meta.url));
const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const running = new Set<ChildProcess>();

// A crash or Ctrl-C in the parent must not leave servers holding ports.
process.on('exit', () => {
  for (const child of running) child.kill();
});

/** Forks a server for one variant and waits until it listens. */
export function startServer(variant: Variant): Promise<ServerProcess> {
  return startServerProcess(SERVER_ENTRY, variant);
}

/**
 * Forks the server file `entry`, which serves the variant named by its
 * first argument, and waits until it listens.
 */
export async function startServerProcess<Name extends string>(
  entry: string,
  variant: Name,
): Promise<ServerProcess<Name>> {
  const child = fork(entry, [variant], {
    // The server imports express-tcapi from src through the tsconfig path
    // alias, which the tsx loader resolves relative to the project root.
    cwd: PROJECT_ROOT,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  try {
    const { port } = await nextMessage(child, 'listening');
    return {
      variant,
      url: `http://127.0.0.1:${port}`,
      cpuMicros: async () => {
        const reply = nextMessage(child, 'cpu');
        child.send({ type: 'cpu' } satisfies ParentMessage);
        return (await reply).micros;
      },
      stop: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

function nextMessage<T extends ServerMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ServerMessage) => {
      if (message.type !== type) return;
      cleanUp();
      resolve(message as Extract<ServerMessage, { type: T }>);
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`The bench server exited early (code ${code}).`));
    };
    const cleanUp = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill();
  await exited;
}
