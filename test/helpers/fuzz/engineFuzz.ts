import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LRUCache } from 'lru-cache';
import { analyzeDocument, type BlockClaims, corpusDocument, resolveConfig } from '../../../server/src/engine';
import { editRange, editSequence, hostileDocument, markdownDocument } from './markdownArbitrary';

const config = resolveConfig();
const summary = (claims: ReturnType<typeof analyzeDocument>['claims']) => claims.map((c) => `${c.id}@${c.start}-${c.end}:${c.risk}:${c.severity}`).join('|');

/**
 * The engine on random Markdown and random edits: it never throws, every claim and slot lies inside
 * the text, and analysing each edited text with the paragraph cache of the earlier versions gives
 * exactly what a fresh analysis gives.
 */
export function fuzzEngine(runs: number, seed: number): { cases: number; edits: number } {
  const report = { cases: 0, edits: 0 };
  fc.assert(
    fc.property(markdownDocument, editSequence, (start, edits) => {
      report.cases++;
      const cache = new LRUCache<string, BlockClaims>({ max: 500 });
      let text = start;
      analyzeDocument(text, config, { cache });
      for (const edit of edits) {
        const { start: from, end } = editRange(edit, text.length);
        text = text.slice(0, from) + edit.text + text.slice(end);
        report.edits++;
        const incremental = analyzeDocument(text, config, { cache });
        for (const c of incremental.claims) {
          assert.ok(c.start >= 0 && c.start <= c.end && c.end <= text.length, `claim ${c.start}-${c.end} in ${text.length}`);
          for (const s of c.slots) assert.ok(s.start >= c.start && s.end <= c.end && text.slice(s.start, s.end).length === s.end - s.start, 'slot inside its claim');
          assert.ok(c.risk >= 0 && c.risk <= 1);
        }
        assert.equal(summary(incremental.claims), summary(analyzeDocument(text, config).claims));
      }
    }),
    { numRuns: runs, seed },
  );
  return report;
}

/**
 * Time per character on inputs built to trigger backtracking: the engine's cost must stay linear.
 * The bound is generous (shared CI cores), and far below what a quadratic path costs at 40,000
 * characters (seconds to minutes).
 */
export const MAX_MS_PER_KB = 25;
const BASE_MS = 300;

export function fuzzHostile(runs: number, seed: number): { cases: number; worstMsPerKb: number } {
  const report = { cases: 0, worstMsPerKb: 0 };
  fc.assert(
    fc.property(hostileDocument, (text) => {
      report.cases++;
      const started = performance.now();
      const analysis = analyzeDocument(text, config);
      // The workspace index reads the same text as a plain-text note too (no Markdown parser in front).
      corpusDocument('/notes/hostile.txt', text);
      const ms = performance.now() - started;
      report.worstMsPerKb = Math.max(report.worstMsPerKb, ms / (text.length / 1000));
      assert.ok(ms <= BASE_MS + (MAX_MS_PER_KB * text.length) / 1000, `${ms.toFixed(0)} ms for ${text.length} characters`);
      for (const c of analysis.claims) assert.ok(c.start >= 0 && c.end <= text.length);
    }),
    { numRuns: runs, seed },
  );
  return report;
}
