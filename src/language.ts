import type { Request } from 'express';

/** The languages of the default messages. */
export type Language = 'en-US' | 'zh-CN';

/**
 * The caller's language from `X-TC-Language`; anything but `zh-CN`
 * (in any letter case) gets English.
 */
export function languageOf(req: Request): Language {
  const header = req.headers['x-tc-language'];
  return typeof header === 'string' && header.trim().toLowerCase() === 'zh-cn'
    ? 'zh-CN'
    : 'en-US';
}
