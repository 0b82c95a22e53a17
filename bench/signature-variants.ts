/** The request forms `bench/signatures.ts` compares, and their labels. */
export const SIGNATURE_VARIANTS = ['unsigned', 'tc3', 'v1'] as const;

export type SignatureVariant = (typeof SIGNATURE_VARIANTS)[number];

export const SIGNATURE_LABELS: Record<SignatureVariant, string> = {
  unsigned: 'unsigned',
  tc3: 'TC3 signed',
  v1: 'v1 HmacSHA256 signed',
};

export function isSignatureVariant(value: unknown): value is SignatureVariant {
  return SIGNATURE_VARIANTS.includes(value as SignatureVariant);
}
