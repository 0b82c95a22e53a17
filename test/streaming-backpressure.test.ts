import { describe, expect, it } from 'vitest';
import { streamResult } from 'express-tcapi';
import { actionApp } from './helpers/action-app.js';
import { EXPRESS_VERSIONS } from './helpers/express-versions.js';
import { open, pause, readAll, servePerTest } from './helpers/sse.js';

// Large events fill the socket buffers quickly: 1000 of 64 KB is far
// more than the kernel holds for a reader that does not read.
const TOTAL = 1000;
const PAYLOAD = 'x'.repeat(64 * 1024);

const serve = servePerTest();

function bigEvents() {
  const state = { produced: 0 };
  async function* events() {
    while (state.produced < TOTAL) {
      state.produced += 1;
      yield { N: state.produced, Payload: PAYLOAD };
    }
  }
  return { state, events };
}

describe.each(EXPRESS_VERSIONS)('%s', (_name, express) => {
  describe('a stream read by a slow client', () => {
    describe('when the client stops reading', () => {
      it('should stop asking the producer for events', async () => {
        const { state, events } = bigEvents();
        const served = await serve(
          actionApp(express, { ChatCompletions: () => streamResult(events()) }),
        );
        const res = await open(served);
        res.pause();
        await pause(300);
        const stalled = state.produced;
        await pause(200);
        expect(state.produced).toBe(stalled);
        expect(stalled).toBeLessThan(TOTAL / 2);
        res.destroy();
      });
    });

    describe('when the client reads again', () => {
      it('should deliver every event', async () => {
        const { state, events } = bigEvents();
        const served = await serve(
          actionApp(express, { ChatCompletions: () => streamResult(events()) }),
        );
        const res = await open(served);
        res.pause();
        await pause(200);
        const text = await readAll(res);
        expect(text.split('\n\n').length - 1).toBe(TOTAL);
        expect(state.produced).toBe(TOTAL);
      });
    });
  });
});
