// The WikiBio GPT-3 hallucination data (SelfCheckGPT) and its evaluation protocol.
import { existsSync, readFileSync } from 'node:fs';
import { aucPr, averagePrecision, pearson, spearman } from './metrics';

export type Label = 'accurate' | 'minor_inaccurate' | 'major_inaccurate';

export interface WikiBioRow {
  id: number;
  wiki_bio_text: string;
  gpt3_text: string;
  gpt3_sentences: string[];
  annotation: Label[];
}

export interface SentenceSpan {
  start: number;
  end: number;
  label: Label;
}

export function readWikiBio(path: string): WikiBioRow[] {
  if (!existsSync(path)) throw new Error(`${path} not found: the WikiBio data sits in ../shared/bench (pass --data <jsonl>).`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as WikiBioRow);
}

/** The labelled sentences' offsets in `gpt3_text`, found in order. */
export function sentenceSpans(row: WikiBioRow): SentenceSpan[] {
  let cursor = 0;
  return row.gpt3_sentences.map((s, i) => {
    const at = row.gpt3_text.indexOf(s, cursor);
    const start = at === -1 ? cursor : at;
    cursor = start + s.length;
    return { start, end: cursor, label: row.annotation[i] };
  });
}

/** The authors' label scores: accurate 0, minor 0.5, major 1. */
export const LABEL_SCORE: Record<Label, number> = { accurate: 0, minor_inaccurate: 0.5, major_inaccurate: 1 };
export const isWrong = (label: Label) => label !== 'accurate';

/** One passage's sentences with the detector's score for each (higher = more likely non-factual). */
export interface ScoredPassage {
  labels: Label[];
  scores: number[];
}

export interface Task {
  aucPr: number;
  averagePrecision: number;
  random: number;
}

export interface ProtocolResult {
  passages: number;
  sentences: number;
  /**
   * AUC-PR ×100 for each task (the protocol's metric), average precision ×100 (robust to tied
   * scores), and the share of positives (the "random" baseline) ×100.
   */
  nonFact: Task;
  nonFactStar: Task & { passages: number; sentences: number };
  factual: Task;
  /** Passage level, ×100: mean sentence score against mean human label score. */
  pearson: number;
  spearman: number;
}

const x100 = (x: number) => Number((100 * x).toFixed(2));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const share = (xs: readonly boolean[]) => xs.filter(Boolean).length / xs.length;
const task = (scores: readonly number[], positive: readonly boolean[]): Task => ({ aucPr: x100(aucPr(scores, positive)), averagePrecision: x100(averagePrecision(scores, positive)), random: x100(share(positive)) });

/**
 * SelfCheckGPT's evaluation (demo/experiments/*.ipynb): sentence AUC-PR over pooled sentences for
 * NonFact (minor or major), NonFact* (major only, passages whose mean label score is below 0.99),
 * and Factual (accurate, with the score flipped); passage Pearson and Spearman.
 */
export function selfCheckProtocol(passages: readonly ScoredPassage[]): ProtocolResult {
  const labels = passages.flatMap((p) => p.labels);
  const scores = passages.flatMap((p) => p.scores);
  const wrong = labels.map(isWrong);
  const star = passages.filter((p) => mean(p.labels.map((l) => LABEL_SCORE[l])) < 0.99);
  const starMajor = star.flatMap((p) => p.labels.map((l) => l === 'major_inaccurate'));
  const factualPositive = labels.map((l) => l === 'accurate');
  return {
    passages: passages.length,
    sentences: labels.length,
    nonFact: task(scores, wrong),
    nonFactStar: { ...task(star.flatMap((p) => p.scores), starMajor), passages: star.length, sentences: starMajor.length },
    factual: task(scores.map((s) => 1 - s), factualPositive),
    pearson: x100(pearson(passages.map((p) => mean(p.scores)), passages.map((p) => mean(p.labels.map((l) => LABEL_SCORE[l]))))),
    spearman: x100(spearman(passages.map((p) => mean(p.scores)), passages.map((p) => mean(p.labels.map((l) => LABEL_SCORE[l]))))),
  };
}
