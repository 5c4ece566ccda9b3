import { analyzeDocument, type AssessedClaim, resolveConfig } from '../../server/src/engine';
import type { ClaimFloorConfigFile } from '../../server/src/engine/config/config';
import type { Range } from '../../server/src/engine';

export function analyze(markdown: string, config: ClaimFloorConfigFile = {}) {
  return analyzeDocument(markdown, resolveConfig(config));
}

export function claimsOf(markdown: string, config: ClaimFloorConfigFile = {}): AssessedClaim[] {
  return analyze(markdown, config).claims;
}

/** `role=text` of every slot of the claims of one type. */
export function slotsOfType(markdown: string, type: string): string[] {
  return claimsOf(markdown)
    .filter((c) => c.type === type)
    .flatMap((c) => c.slots.map((s) => `${s.role}=${s.text}`));
}

export function typesOf(markdown: string): string[] {
  return claimsOf(markdown).map((c) => c.type);
}

/**
 * The source text an LSP range covers, computed independently of the engine: split into lines
 * the way the LSP spec defines them and index by UTF-16 code units.
 */
export function textAt(source: string, range: Range): string {
  const starts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push((m.index ?? 0) + m[0].length);
  return source.slice(starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character);
}
