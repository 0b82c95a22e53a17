import type { Request } from 'express';

/** The languages of the default messages. */
export type Language = 'en-US' | 'zh-CN';

/**
 * The caller's language from `X-TC-Language`; anything but `zh-CN`
 * (in any letter case) gets English.
 */
export function languageOf(req: Request): Language {
  return parseLanguage(req.headers['x-tc-language']) ?? 'en-US';
}

/** `zh-CN` or `en-US` (in any letter case), or `undefined` for anything else. */
export function parseLanguage(value: unknown): Language | undefined {
  if (typeof value !== 'string') return undefined;
  const normal = value.trim().toLowerCase();
  if (normal === 'zh-cn') return 'zh-CN';
  return normal === 'en-us' ? 'en-US' : undefined;
}
