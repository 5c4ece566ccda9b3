// Rarity and grounding on the WikiBio GPT-3 dev split (../shared/bench/wikibio-dev.jsonl).
//
// The 80 GPT-3 passages form a workspace. Mode "no sources": each passage is analysed against the
// other 79. Mode "sources": each passage also links its own `wiki_bio_text`, placed in the
// workspace as a file. For each finding (occurrence status, subject popularity, grounding) the
// script measures log[P(finding | wrong) / P(finding | right)] over claims, labelling a claim by its
// sentence (minor or major inaccuracy = wrong). It fits on passages 0–39, reports NonFact AUC-PR
// on passages 40–79 for each signal set, then fits on all 80 and, with --write, stores that fit as
// the shipped calibration (server/src/engine/risk/calibration/corpusEvidence.json).
//
// Usage: npx tsx bench/wikibioCorpus.ts [--data ../shared/bench/wikibio-dev.jsonl] [--write]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDocument, type AssessedClaim, resolveConfig } from '../server/src/engine';
import { corpusDocument } from '../server/src/engine/corpus/corpusDocument';
import { CorpusIndex } from '../server/src/engine/corpus/corpusIndex';
import { Gazetteer, type GazetteerData } from '../server/src/engine/corpus/popularity';
import { CORPUS_EVIDENCE_CALIBRATION, type CorpusEvidenceCalibration, type FindingCalibration } from '../server/src/engine/risk/calibration/corpusEvidenceCalibration';
import type { RiskSignal } from '../server/src/engine/risk/evidence';
import { RULES_SIGNALS } from '../server/src/engine/risk/rulesSignals';
import { groundingSignal } from '../server/src/engine/risk/signals/grounding';
import { raritySignal } from '../server/src/engine/risk/signals/rarity';
import { aucPr } from './lib/metrics';
import { isWrong, readWikiBio, sentenceSpans as passageSpans, type WikiBioRow as Row } from './lib/wikibio';

const { values: args } = parseArgs({ options: { data: { type: 'string', default: '../shared/bench/wikibio-dev.jsonl' }, write: { type: 'boolean', default: false } } });

const rows = readWikiBio(args.data!);
const config = resolveConfig();
const gazetteer = new Gazetteer(JSON.parse(readFileSync('dist/gazetteer.json', 'utf8')) as GazetteerData);
const MIN_SUPPORT = 30;

const draftId = (r: Row) => `/wikibio/drafts/${r.id}.md`;
const sourceId = (r: Row) => `/wikibio/sources/${r.id}.txt`;
/** Each draft links its own source in mode "sources" (a relative Markdown link, as a writer would). */
const draftText = (r: Row, sources: boolean) => (sources ? `${r.gpt3_text}\n\n[source](../sources/${r.id}.txt)\n` : r.gpt3_text);

function buildIndex(sources: boolean): CorpusIndex {
  const index = new CorpusIndex({ maxFiles: 1e6, maxChars: 1e9 });
  for (const r of rows) {
    index.add(corpusDocument(draftId(r), draftText(r, sources)));
    if (sources) index.add(corpusDocument(sourceId(r), r.wiki_bio_text, { kind: 'text' }));
  }
  return index;
}

const sentenceSpans = (r: Row) => passageSpans(r).map((s) => ({ start: s.start, end: s.end, wrong: isWrong(s.label) }));

interface Scored {
  row: Row;
  claims: AssessedClaim[];
}

function analyse(index: CorpusIndex, sources: boolean, signals: readonly RiskSignal[]): Scored[] {
  return rows.map((row) => ({ row, claims: analyzeDocument(draftText(row, sources), config, { signals, corpus: { index, gazetteer, documentId: draftId(row) } }).claims }));
}

function labelOf(row: Row, claim: AssessedClaim): boolean | undefined {
  return sentenceSpans(row).find((s) => claim.start < s.end && claim.end > s.start)?.wrong;
}

function findings(claim: AssessedClaim): string[] {
  const c = claim.corpus!;
  return [
    ...(c.occurrences ? [`occurrence:${c.occurrences.status}`] : []),
    ...(c.popularity ? [`popularity:${c.popularity.status}`] : []),
    ...(c.grounding.status === 'supported' || c.grounding.status === 'unsupported' ? [`grounding:${c.grounding.status}`] : []),
  ];
}

/** Add-one smoothed log likelihood ratios, kept where at least MIN_SUPPORT claims showed the finding. */
function fit(scored: Scored[], keep: (finding: string) => boolean): Record<string, FindingCalibration> {
  let wrongTotal = 0;
  let rightTotal = 0;
  const counts = new Map<string, { wrong: number; right: number }>();
  for (const { row, claims } of scored) {
    for (const claim of claims) {
      const wrong = labelOf(row, claim);
      if (wrong === undefined) continue;
      if (wrong) wrongTotal++;
      else rightTotal++;
      for (const f of findings(claim).filter(keep)) {
        const entry = counts.get(f) ?? { wrong: 0, right: 0 };
        entry[wrong ? 'wrong' : 'right']++;
        counts.set(f, entry);
      }
    }
  }
  const fitted: Record<string, FindingCalibration> = {};
  for (const [f, { wrong, right }] of [...counts].sort()) {
    if (wrong + right < MIN_SUPPORT) continue;
    const llr = Math.log((wrong + 1) / (wrongTotal + 2) / ((right + 1) / (rightTotal + 2)));
    fitted[f] = { logLikelihoodRatio: Number(llr.toFixed(3)), wrong, right };
  }
  return fitted;
}

/** Sentence score = highest risk among its claims; a sentence without claims scores the median claim risk. */
function sentenceAucPr(scored: Scored[]): { aucPr: number; sentences: number; withClaims: number } {
  const risks = scored.flatMap((s) => s.claims.map((c) => c.risk)).sort((a, b) => a - b);
  const median = risks[Math.floor(risks.length / 2)] ?? 0.5;
  const scores: number[] = [];
  const labels: boolean[] = [];
  let withClaims = 0;
  for (const { row, claims } of scored) {
    for (const s of sentenceSpans(row)) {
      const inside = claims.filter((c) => c.start < s.end && c.end > s.start).map((c) => c.risk);
      if (inside.length > 0) withClaims++;
      scores.push(inside.length > 0 ? Math.max(...inside) : median);
      labels.push(s.wrong);
    }
  }
  return { aucPr: aucPr(scores, labels), sentences: labels.length, withClaims };
}

function withCalibration<T>(evidence: Record<string, FindingCalibration>, run: () => T): T {
  const saved = CORPUS_EVIDENCE_CALIBRATION.evidence;
  CORPUS_EVIDENCE_CALIBRATION.evidence = evidence;
  try {
    return run();
  } finally {
    CORPUS_EVIDENCE_CALIBRATION.evidence = saved;
  }
}

const SETS: Array<[string, readonly RiskSignal[]]> = [
  ['rules only', RULES_SIGNALS],
  ['+ rarity (occurrences, popularity)', [...RULES_SIGNALS, raritySignal]],
  ['+ grounding', [...RULES_SIGNALS, groundingSignal]],
  ['+ rarity + grounding', [...RULES_SIGNALS, raritySignal, groundingSignal]],
];

const held = (s: Scored) => s.row.id >= 40;
const train = (s: Scored) => s.row.id < 40;
const pct = (x: number) => (100 * x).toFixed(2);
const shipped: Record<string, FindingCalibration> = {};

for (const sources of [false, true]) {
  const index = buildIndex(sources);
  const all = analyse(index, sources, [...RULES_SIGNALS, raritySignal, groundingSignal]);
  // Occurrence and popularity are fitted without sources (the product's default situation); grounding needs them.
  const keep = (f: string) => (sources ? f.startsWith('grounding:') : !f.startsWith('grounding:'));
  const trainFit = fit(all.filter(train), keep);
  const fullFit = fit(all, keep);
  // Only grounding is shipped: on held-out passages the rarity findings lowered AUC-PR, and
  // "famous" subjects came out riskier, which says more about subject detection than rarity.
  if (sources) Object.assign(shipped, fullFit);
  const contradicted = all.flatMap((s) => s.claims.filter((c) => c.corpus?.grounding.status === 'contradicted').map((c) => labelOf(s.row, c)));
  if (sources) console.log(`contradicted claims in a wrong sentence: ${contradicted.filter(Boolean).length} of ${contradicted.length}`);
  const claims = all.flatMap((s) => s.claims);
  const tally = (f: (c: AssessedClaim) => string) => Object.entries(claims.reduce<Record<string, number>>((m, c) => ((m[f(c)] = (m[f(c)] ?? 0) + 1), m), {}));
  console.log(`\n## Mode: ${sources ? 'with each passage’s wiki_bio_text as a linked source' : 'no sources (workspace = the other 79 passages)'}`);
  console.log(`${rows.length} passages, ${claims.length} claims; ${index.size} documents indexed`);
  console.log(`singleton status: ${tally((c) => c.corpus?.occurrences?.status ?? 'unmeasured').map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`popularity: ${tally((c) => c.corpus?.popularity?.status ?? 'no subject').map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`grounding: ${tally((c) => c.corpus!.grounding.status).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`fitted on passages 0–39 (min support ${MIN_SUPPORT}): ${JSON.stringify(trainFit)}`);
  console.log(`fitted on all 80: ${JSON.stringify(fullFit)}`);
  console.log('\nNonFact AUC-PR (×100) on held-out passages 40–79, calibration from 0–39:');
  for (const [name, signals] of SETS) {
    const result = withCalibration(trainFit, () => sentenceAucPr(analyse(index, sources, signals).filter(held)));
    console.log(`  ${name.padEnd(36)} ${pct(result.aucPr)}   (${result.sentences} sentences, ${result.withClaims} with claims)`);
  }
  const random = all.filter(held).flatMap((s) => sentenceSpans(s.row)).filter((s) => s.wrong).length / all.filter(held).flatMap((s) => sentenceSpans(s.row)).length;
  console.log(`  ${'random (share of wrong sentences)'.padEnd(36)} ${pct(random)}`);
}

if (args.write) {
  const calibration: CorpusEvidenceCalibration = {
    source: `WikiBio GPT-3 dev split (SelfCheckGPT, 80 passages, ${readFileSync(args.data!).length} bytes), fitted by bench/wikibioCorpus.ts; a claim is wrong when its sentence is labelled minor or major inaccurate`,
    evidence: shipped,
  };
  const out = join('server', 'src', 'engine', 'risk', 'calibration', 'corpusEvidence.json');
  writeFileSync(out, `${JSON.stringify(calibration, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
}
