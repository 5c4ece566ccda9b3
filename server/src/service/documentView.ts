import type { AssessedClaim, ClaimType, Notice, Range } from '../engine';
import type { DocumentResult } from './analysisService';

/**
 * A claim as the language server's thread needs it to publish, locate and fix it; everything
 * else (the evidence trail, the floor, the sources) travels as one JSON string, parsed only when a
 * hover asks for it. A document of 15,000 claims then crosses the thread boundary as flat data in
 * milliseconds instead of holding the editor's thread for a second.
 */
export interface ClaimView {
  id: string;
  type: ClaimType;
  severity: AssessedClaim['severity'];
  message: string;
  /** The sentence's source offsets. */
  start: number;
  end: number;
  text: string;
  /** Who or what the claim is about, when the engine resolved it (the allow-list keys a value by it). */
  subject?: string;
  slots: Array<{ start: number; end: number; range: Range; text: string }>;
  /** The squiggle: from the first slot to the last (the sentence when there is none). */
  squiggle: { start: number; end: number; range: Range };
  /** Replacements a failed check computed (the recomputed figure, the check digit): the preferred quick fix. */
  fixes: Array<{ start: number; end: number; text: string; was: string }>;
  /** The whole AssessedClaim, as JSON. */
  details: string;
}

export interface DocumentView {
  uri: string;
  version: number;
  configFile?: string;
  pendingScores: number;
  /** A file in a declared source folder: reference material, whose claims the editor does not flag. */
  source: boolean;
  /** Each claim type's confidence target (the hover shows P(correct) against it). */
  thresholds: Record<ClaimType, number>;
  notices: Notice[];
  claims: ClaimView[];
}

function squiggle(claim: AssessedClaim): ClaimView['squiggle'] {
  if (claim.slots.length === 0) return { start: claim.start, end: claim.end, range: claim.range };
  const first = claim.slots.reduce((a, b) => (b.start < a.start ? b : a));
  const last = claim.slots.reduce((a, b) => (b.end > a.end ? b : a));
  return { start: first.start, end: last.end, range: { start: first.range.start, end: last.range.end } };
}

export function claimView(claim: AssessedClaim): ClaimView {
  return {
    id: claim.id,
    type: claim.type,
    severity: claim.severity,
    message: claim.message,
    start: claim.start,
    end: claim.end,
    text: claim.text,
    subject: claim.subject,
    slots: claim.slots.map((s) => ({ start: s.start, end: s.end, range: s.range, text: s.text })),
    squiggle: squiggle(claim),
    fixes: claim.checks.flatMap((c) => (!c.passed && c.replacement ? [{ ...c.replacement, was: claim.text.slice(c.replacement.start - claim.start, c.replacement.end - claim.start) }] : [])),
    details: JSON.stringify(claim, (_key, value: unknown) => (value === Infinity ? INFINITY : Number.isNaN(value) ? NOT_A_NUMBER : value)),
  };
}

/** JSON has no Infinity or NaN (an unbounded answer space, an unmeasured rate); these stand for them. */
const INFINITY = '\u0000Infinity';
const NOT_A_NUMBER = '\u0000NaN';

export function documentView(result: DocumentResult): DocumentView {
  const thresholds = Object.fromEntries(Object.entries(result.config.types).map(([type, settings]) => [type, settings.threshold])) as Record<ClaimType, number>;
  return { uri: result.uri, version: result.version, configFile: result.configFile, pendingScores: result.pendingScores, source: result.source, thresholds, notices: result.analysis.notices, claims: result.analysis.claims.map(claimView) };
}

/** The full claim behind a view (for a hover). */
export function claimDetails(view: ClaimView): AssessedClaim {
  return JSON.parse(view.details, (_key, value: unknown) => (value === INFINITY ? Infinity : value === NOT_A_NUMBER ? NaN : value)) as AssessedClaim;
}
