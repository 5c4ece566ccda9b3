import MiniSearch, { type Options } from 'minisearch';
import type { ClaimType } from '../claimType';
import type { ClaimFloorConfig } from '../config/config';
import { type ClaimFact, isVerbatim, type SlotValue } from './claimFacts';
import { type CorpusDocument, foldedPassage, type Passage } from './corpusDocument';
import { foldText } from './valueKeys';

/** A passage found for a claim, with where it is. */
export interface PassageHit {
  document: string;
  passage: Passage;
  /** BM25 score (retrieval only). */
  score?: number;
}

/** "curie.txt:3": where a passage is, for messages and hovers. */
export function passagePlace(hit: PassageHit): string {
  return `${hit.document.split('/').pop()}:${hit.passage.line + 1}`;
}

/** How often a claim's fact occurs in the indexed documents other than the one it is in. */
export interface Occurrences {
  /** Documents where the subject and the value co-occur (Kandpal et al. 2023's estimator). */
  count: number;
  /** The slot value counted: the least corroborated one. */
  value: string;
  /** Up to `MAX_LOCATIONS` of them, with the passage that holds the value. */
  locations: PassageHit[];
  /** Set when a bare surname matched several full names in the corpus. */
  ambiguousName?: string[];
}

/** Bounds on what the index holds in memory (config `corpus`); files beyond them are counted, not indexed. */
export type CorpusLimits = ClaimFloorConfig['corpus'];

const MAX_LOCATIONS = 5;
/** Bounds the term lookups kept while the index is unchanged (a long editing session). */
const MAX_CACHED_TERMS = 10_000;

interface SearchEntry {
  id: string;
  text: string;
}

const searchOptions: Options<SearchEntry> = {
  fields: ['text'],
  processTerm: (term: string) => foldText(term) || null,
};

const passageId = (document: string, index: number) => `${document}#${index}`;

/**
 * The workspace's prose and the writer's sources, searchable three ways: BM25 over passages
 * (MiniSearch), normalised value keys (dates, numbers, identifiers) and fact keys for Good–Turing
 * counts. Pure and synchronous; the host reads the files and persists the documents.
 */
export class CorpusIndex {
  private readonly documents = new Map<string, CorpusDocument>();
  private readonly search: MiniSearch<SearchEntry>;
  private readonly keyPostings = new Map<string, Set<string>>();
  /** Last word of a multi-word name → full names with that last word → documents naming them. */
  private readonly surnames = new Map<string, Map<string, number>>();
  private readonly factDocuments = new Map<string, { type: ClaimType; documents: Map<string, number> }>();
  private readonly sources = new Set<string>();
  /** BibTeX citation key → entries with that key. */
  private readonly bibKeys = new Map<string, number>();
  private chars = 0;
  private revision = 0;
  private ratesCache?: { revision: number; rates: Map<ClaimType, { observations: number; singletons: number }> };
  /** Passages holding all of some terms, for the current revision: one subject is looked up for each of its claims. */
  private termsCache = { revision: -1, passages: new Map<string, Set<string>>() };
  /** Documents of a posting set, for the current revision (postings change in place when files do). */
  private documentsCache = { revision: -1, documents: new WeakMap<Set<string>, Set<string>>() };
  /** Files refused because a limit was reached. */
  skipped = 0;

  constructor(readonly limits: CorpusLimits) {
    this.search = new MiniSearch<SearchEntry>(searchOptions);
  }

  get size(): number {
    return this.documents.size;
  }

  get characters(): number {
    return this.chars;
  }

  /** Changes whenever a document is added or removed; callers use it to invalidate derived results. */
  get version(): number {
    return this.revision;
  }

  get(id: string): CorpusDocument | undefined {
    return this.documents.get(id);
  }

  ids(): string[] {
    return [...this.documents.keys()];
  }

  /** Documents the writer declared as sources. */
  get sourceDocuments(): ReadonlySet<string> {
    return this.sources;
  }

  hasBibKey(key: string): boolean {
    return this.bibKeys.has(key);
  }

  /** Adds or replaces a document; false (and counted in `skipped`) when a limit would be exceeded. */
  add(document: CorpusDocument): boolean {
    this.remove(document.id);
    const chars = document.passages.reduce((n, p) => n + p.text.length, 0);
    if (this.documents.size >= this.limits.maxFiles || this.chars + chars > this.limits.maxChars) {
      this.skipped++;
      return false;
    }
    this.search.addAll(document.passages.map((p, i) => ({ id: passageId(document.id, i), text: p.text })));
    this.register(document);
    return true;
  }

  remove(id: string): boolean {
    const document = this.documents.get(id);
    if (!document) return false;
    document.passages.forEach((p, i) => this.search.remove({ id: passageId(id, i), text: p.text }));
    this.account(document, -1);
    this.documents.delete(id);
    this.revision++;
    return true;
  }

  /**
   * Documents other than `exclude` where the claim's subject co-occurs with its slot value
   * (Kandpal et al. 2023's estimator). With several values the least corroborated one counts: a
   * claim is as rare as its rarest fact.
   */
  occurrences(fact: ClaimFact, exclude?: string): Occurrences | undefined {
    const values = fact.subject.length > 0 ? fact.values : fact.values.filter(isVerbatim);
    if (values.length === 0) return undefined;
    let subjectDocuments: ReadonlySet<string> | undefined;
    let ambiguousName: string[] | undefined;
    if (fact.subject.length > 0) {
      const subject = this.subjectPassages(fact.subject);
      ambiguousName = subject.ambiguous;
      subjectDocuments = this.documentsOf(subject.passages);
    }
    let rarest: { value: SlotValue; passages: Set<string>; documents: Set<string> } | undefined;
    for (const value of values) {
      const passages = this.valuePassages(value);
      const documents = subjectDocuments ? intersect(subjectDocuments, this.documentsOf(passages)) : new Set(this.documentsOf(passages));
      if (exclude) documents.delete(exclude);
      if (!rarest || documents.size < rarest.documents.size) rarest = { value, passages, documents };
    }
    const { value, passages, documents } = rarest!;
    // The first documents in path order, whatever order the postings were intersected in, each
    // with its first passage in the posting's order: one walk over the postings, no copy or sort
    // of them (a common value's postings span the whole workspace, and every claim asks).
    const first = firstInOrder(documents, MAX_LOCATIONS);
    const found = new Map<string, string>();
    for (const id of passages) {
      if (found.size === first.length) break;
      const document = id.slice(0, id.lastIndexOf('#'));
      if (!found.has(document) && first.includes(document)) found.set(document, id);
    }
    const locations = first.map((document) => this.hit(found.get(document)!));
    return { count: documents.size, value: value.slot.text, locations, ambiguousName };
  }

  /** The best passages for a claim by BM25 among those `accept` admits. */
  retrieve(fact: ClaimFact, sentence: string, accept: (document: CorpusDocument, passage: Passage) => boolean, limit = 5): PassageHit[] {
    const words = [...fact.subject, ...fact.values.flatMap((v) => (v.kind === 'terms' ? v.terms : v.kind === 'exact' ? [v.text] : [v.slot.text])), sentence].join(' ');
    const results = this.search.search(words, {
      combineWith: 'OR',
      filter: (r) => {
        const { document, passage } = this.hit(r.id as string);
        return accept(this.documents.get(document)!, passage);
      },
    });
    return results.slice(0, limit).map((r) => ({ ...this.hit(r.id as string), score: r.score }));
  }

  /**
   * Per claim type, Good–Turing counts over (fact, document) pairs: N = how many documents state
   * each fact, summed; N1 = facts stated in exactly one document.
   */
  factCounts(): Map<ClaimType, { observations: number; singletons: number }> {
    if (this.ratesCache?.revision === this.revision) return this.ratesCache.rates;
    const rates = new Map<ClaimType, { observations: number; singletons: number }>();
    for (const { type, documents } of this.factDocuments.values()) {
      const entry = rates.get(type) ?? { observations: 0, singletons: 0 };
      entry.observations += documents.size;
      if (documents.size === 1) entry.singletons++;
      rates.set(type, entry);
    }
    this.ratesCache = { revision: this.revision, rates };
    return rates;
  }

  private hit(id: string): PassageHit {
    const hash = id.lastIndexOf('#');
    const document = id.slice(0, hash);
    return { document, passage: this.documents.get(document)!.passages[Number(id.slice(hash + 1))] };
  }

  private register(document: CorpusDocument): void {
    this.documents.set(document.id, document);
    this.account(document, 1);
    this.revision++;
  }

  private account(document: CorpusDocument, sign: 1 | -1): void {
    if (document.source && sign === 1) this.sources.add(document.id);
    else this.sources.delete(document.id);
    document.passages.forEach((p, i) => {
      this.chars += sign * p.text.length;
      if (p.bibKey !== undefined) {
        const n = (this.bibKeys.get(p.bibKey) ?? 0) + sign;
        if (n > 0) this.bibKeys.set(p.bibKey, n);
        else this.bibKeys.delete(p.bibKey);
      }
      const id = passageId(document.id, i);
      for (const key of p.keys) {
        const set = this.keyPostings.get(key) ?? new Set<string>();
        if (sign === 1) set.add(id);
        else set.delete(id);
        if (set.size === 0) this.keyPostings.delete(key);
        else this.keyPostings.set(key, set);
      }
    });
    for (const name of document.names) {
      const words = name.split(' ');
      const last = words[words.length - 1];
      const names = this.surnames.get(last) ?? new Map<string, number>();
      const n = (names.get(name) ?? 0) + sign;
      if (n > 0) names.set(name, n);
      else names.delete(name);
      if (names.size === 0) this.surnames.delete(last);
      else this.surnames.set(last, names);
    }
    for (const { type, key } of document.facts) {
      const entry = this.factDocuments.get(key) ?? { type, documents: new Map<string, number>() };
      const n = (entry.documents.get(document.id) ?? 0) + sign;
      if (n > 0) entry.documents.set(document.id, n);
      else entry.documents.delete(document.id);
      if (entry.documents.size === 0) this.factDocuments.delete(key);
      else this.factDocuments.set(key, entry);
    }
  }

  /**
   * Passages naming the subject. A full name also matches passages with its surname alone when
   * the corpus knows only one full name with that surname ("Einstein" = "Albert Einstein" when
   * unambiguous); a bare surname shared by several full names is reported as ambiguous.
   */
  private subjectPassages(subject: string[]): { passages: Set<string>; ambiguous?: string[] } {
    const last = subject[subject.length - 1];
    const fullNames = [...(this.surnames.get(last)?.keys() ?? [])];
    const distinct = fullNames.filter((n) => n.split(' ').length > 1);
    if (subject.length === 1) return { passages: this.termPassages([last]), ambiguous: distinct.length > 1 ? distinct : undefined };
    const full = subject.join(' ');
    const unambiguous = distinct.length === 0 || distinct.every((n) => n === full || full.endsWith(` ${n}`) || n.endsWith(` ${full}`));
    return { passages: unambiguous ? this.termPassages([last]) : this.termPassages(subject) };
  }

  private termPassages(terms: string[]): Set<string> {
    if (this.termsCache.revision !== this.revision || this.termsCache.passages.size >= MAX_CACHED_TERMS) this.termsCache = { revision: this.revision, passages: new Map() };
    const query = terms.join(' ');
    let found = this.termsCache.passages.get(query);
    if (!found) {
      found = new Set(this.allTerms(query) ?? this.search.search(query, { combineWith: 'AND' }).map((r) => r.id as string));
      this.termsCache.passages.set(query, found);
    }
    return found;
  }

  /**
   * The passages holding every term of `query`, in the order `search(query, { combineWith: 'AND' })`
   * gives them (BM25 score, ties in indexing order), found from the shortest posting list and
   * scored only where all terms meet: MiniSearch's search scores every passage of every term, so
   * a value with a common word cost time in proportion to the workspace, for each claim. Reads
   * MiniSearch's (pinned 7.2.0) index structures; undefined, so the caller searches, when they are
   * not as expected. A test holds it equal to the search on varied queries.
   */
  private allTerms(query: string): string[] | undefined {
    const internals = this.search as unknown as MiniSearchInternals;
    const { _index: index, _documentIds: ids, _fieldLength: lengths, _avgFieldLength: averages, _fieldIds: fieldIds, _documentCount: total } = internals;
    const fieldId = fieldIds?.text;
    if (typeof index?.get !== 'function' || !(ids instanceof Map) || !(lengths instanceof Map) || fieldId === undefined || typeof total !== 'number') return undefined;
    const terms = query
      .split(SPACE_OR_PUNCTUATION)
      .map((t) => searchOptions.processTerm!(t))
      .filter((t): t is string => typeof t === 'string' && t.length > 0);
    if (terms.length === 0) return [];
    const postings: Array<Map<number, number>> = [];
    for (const term of terms) {
      const posting = index.get(term)?.get(fieldId);
      if (!posting || posting.size === 0) return [];
      postings.push(posting);
    }
    const shortest = postings.reduce((a, b) => (b.size < a.size ? b : a));
    const average = averages[fieldId];
    const scored: Array<{ doc: number; score: number }> = [];
    for (const doc of shortest.keys()) {
      if (!ids.has(doc) || !postings.every((p) => p.has(doc))) continue;
      const length = lengths.get(doc)![fieldId];
      // Summed term by term in query order, as the AND combinator does, then times the distinct terms.
      let score = 0;
      postings.forEach((p, i) => {
        const raw = bm25(p.get(doc)!, p.size, total, length, average);
        score = i === 0 ? raw : score + raw;
      });
      scored.push({ doc, score: score * new Set(terms).size });
    }
    // Postings list passages in indexing order (ascending short ids); the sort keeps ties in it.
    scored.sort((a, b) => a.doc - b.doc);
    scored.sort((a, b) => b.score - a.score);
    return scored.map((r) => ids.get(r.doc)!);
  }

  private valuePassages(value: SlotValue): Set<string> {
    if (value.kind === 'key') return this.keyPostings.get(value.key) ?? new Set();
    if (value.kind === 'terms') return this.termPassages(value.terms);
    const candidates = this.termPassages(value.text.split(' '));
    return new Set([...candidates].filter((id) => foldedPassage(this.hit(id).passage).includes(value.text)));
  }

  /** The documents of some passages; memoised for the cached term and key postings, which every claim of a common subject or value shares. */
  private documentsOf(passages: Set<string>): ReadonlySet<string> {
    if (this.documentsCache.revision !== this.revision) this.documentsCache = { revision: this.revision, documents: new WeakMap() };
    let documents = this.documentsCache.documents.get(passages);
    if (!documents) {
      documents = new Set<string>();
      for (const id of passages) documents.add(id.slice(0, id.lastIndexOf('#')));
      this.documentsCache.documents.set(passages, documents);
    }
    return documents;
  }
}

/** The parts of MiniSearch 7.2.0 an AND lookup reads (private fields; checked before use). */
interface MiniSearchInternals {
  _index?: { get(term: string): Map<number, Map<number, number>> | undefined };
  _documentIds?: Map<number, string>;
  _fieldLength?: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds?: Record<string, number>;
  _documentCount?: number;
}

/** MiniSearch's default tokenizer. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/** MiniSearch's BM25 (its default parameters k 1.2, b 0.7, d 0.5), the same arithmetic in the same order. */
function bm25(termFreq: number, matchingCount: number, totalCount: number, fieldLength: number, avgFieldLength: number): number {
  const k = 1.2;
  const b = 0.7;
  const d = 0.5;
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

/** The `n` least strings of a set in sort order (`[...set].sort().slice(0, n)` without sorting it all). */
function firstInOrder(set: ReadonlySet<string>, n: number): string[] {
  const out: string[] = [];
  for (const x of set) {
    if (out.length === n && x >= out[n - 1]) continue;
    let at = out.length;
    while (at > 0 && out[at - 1] > x) at--;
    out.splice(at, 0, x);
    if (out.length > n) out.pop();
  }
  return out;
}

/** A new set of the common members, walking the smaller set (a subject in every document, a value in a few). */
function intersect<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<T>();
  for (const x of small) if (large.has(x)) out.add(x);
  return out;
}
