// The three labelled dev sets in ../shared/bench, read into one shape: a document (the generated
// text, as a writer's draft), its labelled units (sentences, or the whole response), and the
// reference material that can serve as the writer's sources.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type DatasetName = 'wikibio' | 'factcheck' | 'halueval';
export const DATASETS: readonly DatasetName[] = ['wikibio', 'factcheck', 'halueval'];

export interface EvalUnit {
  start: number;
  end: number;
  /** The labelled error: a minor or major inaccuracy (WikiBio), a false sentence (Factcheck-GPT), a response with a hallucination (HaluEval). */
  wrong: boolean;
  /** WikiBio's three grades, for the SelfCheckGPT protocol's tasks. */
  grade?: 'accurate' | 'minor_inaccurate' | 'major_inaccurate';
}

export interface EvalDocument {
  dataset: DatasetName;
  id: string;
  text: string;
  units: EvalUnit[];
  /**
   * Reference material a writer could have as sources: WikiBio's Wikipedia article; Factcheck-GPT's
   * retrieved web passages (`auto`) and the annotators' notes (`human`, an upper bound).
   */
  sources: { reference?: string[]; auto?: string[]; human?: string[] };
}

export const BENCH_DIR = resolve(process.env.CLAIMFLOOR_BENCH_DATA ?? join(__dirname, '..', '..', '..', 'shared', 'bench'));

export const DATASET_FILES: Record<DatasetName, string> = { wikibio: 'wikibio-dev.jsonl', factcheck: 'factcheck-gpt-dev.jsonl', halueval: 'halueval-general-dev.jsonl' };

function lines(name: DatasetName): unknown[] {
  const path = join(BENCH_DIR, DATASET_FILES[name]);
  if (!existsSync(path)) throw new Error(`${path} not found: the dev sets sit in ../shared/bench beside the repository (or set CLAIMFLOOR_BENCH_DATA).`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as unknown);
}

interface WikiBioRow {
  id: number;
  wiki_bio_text: string;
  gpt3_text: string;
  gpt3_sentences: string[];
  annotation: Array<'accurate' | 'minor_inaccurate' | 'major_inaccurate'>;
}

interface FactcheckSentence {
  text: string;
  sentence_factuality_label: boolean | 'NA';
  auto_evidence: string[][];
  human_evidence: string[];
}

interface FactcheckRow {
  sentences: Record<string, FactcheckSentence>;
}

interface HaluEvalRow {
  ID: string;
  chatgpt_response: string;
  hallucination: 'yes' | 'no';
}

/** Offsets of each of `parts` in `text`, found in order. */
function spans(text: string, parts: string[]): Array<{ start: number; end: number }> {
  let cursor = 0;
  return parts.map((part) => {
    const at = text.indexOf(part, cursor);
    const start = at === -1 ? cursor : at;
    cursor = start + part.length;
    return { start, end: cursor };
  });
}

export function readDataset(name: DatasetName): EvalDocument[] {
  if (name === 'wikibio') {
    return (lines(name) as WikiBioRow[]).map((r) => ({
      dataset: name,
      id: String(r.id),
      text: r.gpt3_text,
      units: spans(r.gpt3_text, r.gpt3_sentences).map((s, i) => ({ ...s, wrong: r.annotation[i] !== 'accurate', grade: r.annotation[i] })),
      sources: { reference: [r.wiki_bio_text] },
    }));
  }
  if (name === 'factcheck') {
    return (lines(name) as FactcheckRow[]).map((r, index) => {
      // The annotated sentence texts are the document (28 of them differ from the raw response).
      const sentences = Object.keys(r.sentences)
        .sort((a, b) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')))
        .map((k) => r.sentences[k]);
      const text = sentences.map((s) => s.text).join(' ');
      const units = spans(text, sentences.map((s) => s.text)).flatMap((s, i) => (sentences[i].sentence_factuality_label === 'NA' ? [] : [{ ...s, wrong: sentences[i].sentence_factuality_label === false }]));
      const auto = [...new Set(sentences.flatMap((s) => (Array.isArray(s.auto_evidence) ? s.auto_evidence.flat() : [])).filter((p) => typeof p === 'string' && p.trim()))];
      const human = [...new Set(sentences.flatMap((s) => (Array.isArray(s.human_evidence) ? s.human_evidence : [])).filter((p) => typeof p === 'string' && p.trim()))];
      return { dataset: name, id: String(index * 2), text, units, sources: { auto, human } };
    });
  }
  return (lines(name) as HaluEvalRow[]).map((r) => ({
    dataset: name,
    id: r.ID,
    text: r.chatgpt_response,
    units: [{ start: 0, end: r.chatgpt_response.length, wrong: r.hallucination === 'yes' }],
    sources: {},
  }));
}
