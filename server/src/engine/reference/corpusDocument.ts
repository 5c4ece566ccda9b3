import { type BlockCache, extractClaims } from '../claims/extractClaims';
import type { ClaimType } from '../claimType';
import { extractProse } from '../markdown/extractProse';
import type { ProseBlock, ProseDocument } from '../markdown/proseDocument';
import { type Positions, positionsOf } from '../text/positions';
import { bibtexEntries } from './bibtexEntries';
import { claimFact } from './claimFacts';
import { foldText, passageKeys } from './valueKeys';

export type CorpusDocumentKind = 'markdown' | 'text' | 'bibtex';

/** A paragraph (or BibTeX entry) of an indexed document: the unit of retrieval. */
export interface Passage {
  start: number;
  end: number;
  /** Zero-based line of `start`, for locations in reports. */
  line: number;
  /** The passage's prose (Markdown markup blanked, whitespace collapsed). */
  text: string;
  /** Normalised dates, numbers and identifiers in it (valueKeys). */
  keys: string[];
  /** The citation key of a BibTeX entry. */
  bibKey?: string;
}

/** What the index keeps of one file: enough to count, retrieve and judge without reading it again. */
export interface CorpusDocument {
  /** Absolute path with forward slashes. */
  id: string;
  kind: CorpusDocumentKind;
  /** Whether the writer declared it a source (grounding), rather than just workspace prose. */
  source: boolean;
  /** Change detection for the persisted index. */
  mtimeMs: number;
  size: number;
  passages: Passage[];
  /** A Markdown file's first heading, when it comes before any prose: what the document is about. */
  title?: string;
  /** Multi-word proper names in the document, folded ("albert einstein"): resolves a bare surname. */
  names: string[];
  /** The fact keys of the claims the engine finds in it, with their types (Good–Turing counts). */
  facts: Array<{ type: ClaimType; key: string }>;
}

/** Document ids are absolute paths with forward slashes, so links resolve the same way on every platform. */
export function toDocumentPath(path: string): string {
  return path.replace(/\\/g, '/');
}

export function documentKind(path: string): CorpusDocumentKind {
  if (/\.bib$/i.test(path)) return 'bibtex';
  if (/\.(?:md|markdown|mdx)$/i.test(path)) return 'markdown';
  return 'text';
}

const MAX_PASSAGE_CHARS = 4000;
const PROPER_NAME = /\b\p{Lu}[\p{L}'’-]+(?:\s+(?:\p{Lu}\.\s*)*\p{Lu}[\p{L}'’-]+)+/gu;

function plainTextBlocks(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    const start = m.index ?? 0;
    if (m[0].trim()) blocks.push({ kind: 'paragraph', start, end: start + m[0].length, text: m[0] });
  }
  return blocks;
}

/** The fields a reference is recognised by, in the order a passage lists them. */
const BIB_FIELDS = ['title', 'author', 'editor', 'year', 'date', 'journal', 'journaltitle', 'booktitle', 'publisher', 'school', 'institution', 'organization', 'volume', 'number', 'pages', 'doi', 'isbn', 'url', 'note'];

/** BibTeX entries: one passage each, searchable by key, title, authors, venue and year. */
function bibtexPassages(text: string, lines: Positions): Passage[] {
  return bibtexEntries(text).entries.map((entry) => {
    const body = BIB_FIELDS.flatMap((f) => (entry.fields[f] ? [entry.fields[f]] : [])).join('. ');
    // A bare year has no temporal cue in prose terms, so the entry's year field is keyed directly.
    const year = /\b(\d{4})\b/.exec(entry.fields.year ?? entry.fields.date ?? '');
    const keys = [...passageKeys(body), ...(year ? [`year:${year[1]}`] : [])];
    return { start: entry.start, end: entry.end, line: lines.positionAt(entry.start).line, text: body, keys: [...new Set(keys)], bibKey: entry.key };
  });
}

const foldedPassages = new WeakMap<Passage, string>();

/** A stored passage's text, folded once (every claim's lookups compare against it). */
export function foldedPassage(passage: Passage): string {
  let folded = foldedPassages.get(passage);
  if (folded === undefined) {
    folded = foldText(passage.text);
    foldedPassages.set(passage, folded);
  }
  return folded;
}

/** Long paragraphs are cut at sentence ends so a passage stays a focused retrieval unit. */
function splitLong(block: ProseBlock): ProseBlock[] {
  if (block.text.length <= MAX_PASSAGE_CHARS) return [block];
  const parts: ProseBlock[] = [];
  let from = 0;
  while (from < block.text.length) {
    let to = Math.min(block.text.length, from + MAX_PASSAGE_CHARS);
    if (to < block.text.length) {
      const stop = block.text.lastIndexOf('. ', to);
      if (stop > from + MAX_PASSAGE_CHARS / 2) to = stop + 1;
    }
    parts.push({ kind: block.kind, start: block.start + from, end: block.start + to, text: block.text.slice(from, to) });
    from = to;
  }
  return parts;
}

/**
 * Reads one file's text into what the corpus index stores. Pure: the caller reads the file. Claims
 * are extracted with the same engine the editor uses, so a fact counted in the workspace is keyed
 * exactly as the same fact in the draft.
 */
export function corpusDocument(
  id: string,
  text: string,
  options: { kind?: CorpusDocumentKind; source?: boolean; mtimeMs?: number; size?: number; maxSentenceChars?: number; cache?: BlockCache } = {},
): CorpusDocument {
  const kind = options.kind ?? documentKind(id);
  const base = { id, kind, source: options.source ?? false, mtimeMs: options.mtimeMs ?? 0, size: options.size ?? text.length };
  const lines = positionsOf(text);
  if (kind === 'bibtex') return { ...base, passages: bibtexPassages(text, lines), names: [], facts: [] };
  const prose: ProseDocument =
    kind === 'markdown' ? extractProse(text) : { source: text, blocks: plainTextBlocks(text), directives: [], codeSpans: [], headings: [], notices: [] };
  const passages: Passage[] = [];
  const names = new Set<string>();
  for (const block of prose.blocks.flatMap(splitLong)) {
    const passageText = block.text.replace(/\s+/g, ' ').trim();
    if (!passageText) continue;
    passages.push({ start: block.start, end: block.end, line: lines.positionAt(block.start).line, text: passageText, keys: passageKeys(passageText) });
    for (const m of passageText.matchAll(PROPER_NAME)) names.add(foldText(m[0]));
  }
  const { sentences } = extractClaims(prose, lines, { maxSentenceChars: options.maxSentenceChars ?? 2000 }, options.cache);
  const facts: CorpusDocument['facts'] = [];
  for (const claim of sentences.flatMap((s) => s.claims)) {
    for (const key of claimFact(claim).keys) facts.push({ type: claim.type, key });
  }
  const heading = prose.headings[0];
  const title = heading !== undefined && (prose.blocks[0] === undefined || heading < prose.blocks[0].start) ? /^[ \t]*#{1,6}[ \t]+(.*?)[ \t#]*$/m.exec(text.slice(heading, text.indexOf('\n', heading) === -1 ? undefined : text.indexOf('\n', heading)))?.[1] : undefined;
  return { ...base, passages, ...(title ? { title } : {}), names: [...names], facts };
}
