import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { unsetProxyVariables } from './sdk-clients.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A gateway started as `npm run gateway` starts it, in its own process. */
export interface GatewayProcess {
  readonly port: number;
  /** `127.0.0.1:<port>`, the endpoint SDK clients use. */
  readonly host: string;
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs example-app/gateway.ts with tsx on a free loopback port, with the
 * given environment on top of this one, and waits until it listens.
 */
export async function startGatewayProcess(
  env: Readonly<Record<string, string>>,
): Promise<GatewayProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  // The gateway's proxy, like the SDK, would go through an HTTP proxy.
  unsetProxyVariables(childEnv);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'example-app/gateway.ts'],
    {
      cwd: root,
      env: { ...childEnv, HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await listeningPort(child, () => output);
  return {
    port,
    host: `127.0.0.1:${port}`,
    output: () => output,
    stop: () => stop(child),
  };
}

function listeningPort(child: ChildProcess, output: () => string) {
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The gateway did not start:\n${output()}`));
    }, 20_000);
    const check = () => {
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(output());
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(Number(match[1]));
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The gateway exited with ${code}:\n${output()}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
