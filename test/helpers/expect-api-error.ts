import { expect } from 'vitest';
import { isApiError } from '../../src/errors/api-error.js';

/**
 * Asserts that `error` is an ApiError with `code` and a message in both
 * languages.
 */
export function expectApiError(error: unknown, code: string): void {
  if (!isApiError(error)) throw new Error(`Expected an ApiError: ${error}`);
  expect(error.code).toBe(code);
  expect(error.localized?.['en-US']).toMatch(/\S/);
  expect(error.localized?.['zh-CN']).toMatch(/\S/);
}
