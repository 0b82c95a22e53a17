import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { refusingPort } from './gateway-upstreams.js';

const installed =
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Why the Redis tests cannot run here, or `undefined` when they can. On CI
 * (`CI` set) they always run, and fail if redis-server is missing: CI
 * installs it.
 */
export const redisSkipReason: string | undefined =
  installed || process.env.CI
    ? undefined
    : 'redis-server is not installed (apt-get install redis-server); skipping the shared rate limit tests';

if (redisSkipReason) console.warn(redisSkipReason);

/** A redis-server child process on a free loopback port. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on 127.0.0.1 and a free port, without persistence,
 * and waits until it accepts connections.
 */
export async function startRedis(): Promise<RedisServer> {
  if (!installed) {
    throw new Error(
      'redis-server is not installed: the shared rate limit tests need it (apt-get install redis-server).',
    );
  }
  const port = await refusingPort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await ready(child);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => stop(child),
  };
}

async function ready(child: ChildProcess): Promise<void> {
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redis-server did not start:\n${output}`));
    }, 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  child.stdout?.resume();
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
