import { describe, expect, it } from 'vitest';
import {
  isStreamResult,
  sendStream,
  streamResult,
  type StreamOptions,
} from 'express-tcapi';
import type { Request, Response } from 'express';

async function* none() {}

describe('streamResult()', () => {
  describe('when given an async generator', () => {
    it('should make a frozen stream result', () => {
      const result = streamResult(none(), { keepAliveMs: 1000 });
      expect(isStreamResult(result)).toBe(true);
      expect(Object.isFrozen(result)).toBe(true);
      expect(result.keepAliveMs).toBe(1000);
    });
  });

  describe('when given an array', () => {
    it('should make a stream result of its items', () => {
      expect(isStreamResult(streamResult([{ N: 1 }]))).toBe(true);
    });
  });

  describe.each([
    ['a number', 42],
    ['null', null],
    ['a string', 'abc'],
    ['a plain object', { N: 1 }],
  ])('when given %s', (_case, events) => {
    it('should throw a TypeError that names the fix', () => {
      expect(() => streamResult(events as never)).toThrow(
        /express-tcapi: streamResult\(\) needs an async iterable of events/,
      );
    });
  });

  describe.each([0, -1, 1.5, '10', Number.POSITIVE_INFINITY, 2 ** 31])(
    'when keepAliveMs is %s',
    (keepAliveMs) => {
      it('should throw a TypeError that names the option', () => {
        expect(() =>
          streamResult(none(), { keepAliveMs } as StreamOptions),
        ).toThrow(/option `keepAliveMs` must be a whole number/);
      });
    },
  );

  describe('when errorEvent is not a function', () => {
    it('should throw a TypeError that names the option', () => {
      expect(() =>
        streamResult(none(), { errorEvent: {} } as unknown as StreamOptions),
      ).toThrow(/option `errorEvent` must be a function/);
    });
  });

  describe('when an option is unknown', () => {
    it('should throw a TypeError that lists the options', () => {
      expect(() =>
        streamResult(none(), { keepAlive: 5 } as unknown as StreamOptions),
      ).toThrow(
        /no option `keepAlive`; the options are keepAliveMs, errorEvent/,
      );
    });
  });
});

describe('isStreamResult()', () => {
  describe.each([
    ['an array', [1, 2]],
    ['an async generator', none()],
    ['a look-alike object', { events: [], keepAliveMs: undefined }],
    ['null', null],
  ])('when given %s', (_case, value) => {
    it('should be false', () => {
      expect(isStreamResult(value)).toBe(false);
    });
  });

  describe('when given a stream made by another copy of the package', () => {
    it('should be true', () => {
      const foreign = { [Symbol.for('express-tcapi.stream')]: true };
      expect(isStreamResult(foreign)).toBe(true);
    });
  });
});

describe('sendStream()', () => {
  describe('when given a streamResult() and options too', () => {
    it('should reject with a TypeError', async () => {
      const req = {} as Request;
      const res = {} as Response;
      await expect(
        sendStream(req, res, streamResult(none()), { keepAliveMs: 5 }),
      ).rejects.toThrow(/give the options to streamResult\(\) alone/);
    });
  });
});
