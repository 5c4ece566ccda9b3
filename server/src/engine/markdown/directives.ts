import { CLAIM_TYPES, type ClaimType, isClaimType } from '../claimType';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'verified';

/** One in-document ClaimFloor comment, e.g. `<!-- claimfloor-disable-next-line citation -->`. */
export interface Directive {
  kind: DirectiveKind;
  /** Claim types the directive applies to; every type when the comment names none. */
  types: readonly ClaimType[];
  /** Free text after `claimfloor-verified`, kept as the writer's note. */
  note?: string;
  start: number;
  end: number;
  /** Names in the comment that are not claim types, reported back to the writer. */
  unknownTypes: string[];
}

const DIRECTIVE = /^claimfloor-(disable-next-line|disable-line|disable|enable|verified)(?=$|[\s:])[\s:]*([\s\S]*)$/;

/**
 * Parses the inside of an HTML comment (`<!-- … -->`) or MDX comment (`{/* … *\/}`).
 * Returns undefined for comments that are not ClaimFloor directives.
 */
export function parseDirective(commentBody: string, start: number, end: number): Directive | undefined {
  const match = DIRECTIVE.exec(commentBody.trim());
  if (!match) return undefined;
  const kind = match[1] as DirectiveKind;
  const rest = match[2].trim();
  if (kind === 'verified') {
    return { kind, types: CLAIM_TYPES, note: rest || undefined, start, end, unknownTypes: [] };
  }
  const names = rest.split(/[\s,]+/).filter(Boolean);
  const types = names.filter(isClaimType);
  const unknownTypes = names.filter((n) => !isClaimType(n));
  return { kind, types: names.length === 0 ? CLAIM_TYPES : types, start, end, unknownTypes };
}

const HTML_COMMENT = /^<!--([\s\S]*?)-->$/;
const MDX_COMMENT = /\{\/\*([\s\S]*?)\*\/\}/g;

/** Directives in an HTML node's raw text (a block or inline `html` node). */
export function directivesInHtml(raw: string, offset: number): Directive[] {
  const trimmed = raw.trim();
  const match = HTML_COMMENT.exec(trimmed);
  if (!match) return [];
  const lead = raw.indexOf(trimmed);
  const directive = parseDirective(match[1], offset + lead, offset + lead + trimmed.length);
  return directive ? [directive] : [];
}

/** MDX `{/* claimfloor-… *\/}` comments inside a run of prose text; returns their spans too. */
export function directivesInMdxText(text: string, offset: number): Directive[] {
  const found: Directive[] = [];
  for (const m of text.matchAll(MDX_COMMENT)) {
    const start = offset + (m.index ?? 0);
    const directive = parseDirective(m[1], start, start + m[0].length);
    if (directive) found.push(directive);
  }
  return found;
}
