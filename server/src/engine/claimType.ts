/**
 * The claim taxonomy of THEORY.md §8. The id is the stable diagnostic code, SARIF ruleId and
 * config key, so it never changes once shipped.
 */
export const CLAIM_TYPES = [
  'citation',
  'quotation',
  'event-date',
  'biography',
  'statistic',
  'entity-relation',
  'superlative',
  'identifier',
  'version',
  'definition',
  'arithmetic',
] as const;

export type ClaimType = (typeof CLAIM_TYPES)[number];

export function isClaimType(value: string): value is ClaimType {
  return (CLAIM_TYPES as readonly string[]).includes(value);
}
