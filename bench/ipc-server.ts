/**
 * Serves an app as a bench server process: on a free port of 127.0.0.1,
 * reporting the port to the parent over IPC and answering its `cpu`
 * queries with this process's CPU time so far, which lets the parent
 * charge each round's CPU to this server alone.
 */
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { ParentMessage, ServerMessage } from './ipc-messages.js';

/** Whether this process was forked with an IPC channel. */
export function hasParent(): boolean {
  return process.send !== undefined;
}

export function serveOverIpc(app: Express): void {
  const tell = (message: ServerMessage) => process.send?.(message);

  // Without its parent the process would serve nobody; never outlive it.
  process.on('disconnect', () => process.exit(0));

  process.on('message', (message: ParentMessage) => {
    if (message.type !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    tell({ type: 'cpu', micros: user + system });
  });

  const server = app.listen(0, '127.0.0.1', () => {
    tell({ type: 'listening', port: (server.address() as AddressInfo).port });
  });
}
