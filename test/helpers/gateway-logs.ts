import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A pino logger whose lines are kept, parsed, for a test to read. */
export function capturedLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      }
      done();
    },
  });
  return { logger: pino({ level: 'info' }, destination), lines };
}

/** The fields of a pino-http line the tests read. */
export interface LogLine {
  msg: string;
  req?: { id?: unknown; headers?: Record<string, string> };
  res?: { statusCode?: number; headers?: Record<string, string> };
}
