/** The two ways of answering the same route that the bench compares. */
export const VARIANTS = ['hand-written', 'express-tcapi'] as const;

export type Variant = (typeof VARIANTS)[number];

export function isVariant(value: unknown): value is Variant {
  return VARIANTS.includes(value as Variant);
}
