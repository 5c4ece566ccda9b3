import winkNLP, { type ItemEntity, type ItemSentence, type ItsFunction, type WinkMethods } from 'wink-nlp';
import type { EntityMention, Sentence, Token } from './sentence';

let loaded: WinkMethods | undefined;

/**
 * wink's English model, loaded on first use: a process that only formats results (the language
 * server's main thread, `claimfloor --version`) never pays for its ~6 MB of tables.
 */
function nlp(): WinkMethods {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require inside the function is what defers the model's loading.
  loaded ??= winkNLP(require('wink-eng-lite-web-model'), ['sbd', 'pos', 'ner']);
  return loaded;
}

/**
 * Abbreviations that wink's sentence splitter sometimes ends a sentence on but that almost never
 * end one in prose ("cf. Smith", "et al. (2019)").
 */
const NON_TERMINAL_ABBREVIATIONS = new Set(['cf', 'al', 'e.g', 'i.e', 'vs', 'approx', 'ca', 'fig', 'figs', 'eq', 'no', 'nos', 'pp', 'vol', 'ch', 'sec', 'p', 'ed', 'eds', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr']);

/** wink's token type for line breaks and tabs, which belong to no sentence. */
const LINE_BREAK = 'tabCRLF';

interface RawSentence {
  first: number;
  last: number;
}

function shouldJoin(tokens: Token[], previous: RawSentence, next: RawSentence): boolean {
  const lastToken = tokens[previous.last];
  const beforeLast = tokens[previous.last - 1];
  if (lastToken.value === '.' && beforeLast && NON_TERMINAL_ABBREVIATIONS.has(beforeLast.normal.replace(/\.$/, ''))) return true;
  if (lastToken.value.endsWith('.') && NON_TERMINAL_ABBREVIATIONS.has(lastToken.normal.replace(/\.$/, ''))) return true;
  let first = next.first;
  while (first < next.last && tokens[first].type === LINE_BREAK) first++;
  const head = tokens[first];
  if (/^[a-z]/.test(head.value)) return true;
  // No space after the stop: "GPT-3.5", "example.com" were split inside a word.
  if (head.start === lastToken.end) return true;
  if (head.value === '(' && tokens[first + 1]?.type === 'number') return true;
  return false;
}

/** wink keeps "… Then" in one sentence; an ellipsis followed by a capitalised word ends one. */
function splitAfterEllipses(tokens: Token[], sentence: RawSentence): RawSentence[] {
  const parts: RawSentence[] = [];
  let first = sentence.first;
  for (let i = sentence.first; i < sentence.last; i++) {
    if ((tokens[i].value === '...' || tokens[i].value === '…') && /^[A-Z]/.test(tokens[i + 1].value)) {
      parts.push({ first, last: i });
      first = i + 1;
    }
  }
  parts.push({ first, last: sentence.last });
  return parts;
}

/**
 * Longer than any word: a run of this many characters without whitespace is a URL, a hash, a
 * table rule or junk. wink's regexes backtrack on long tokens (its abbreviation test `/[a-z].*\.$/`
 * is quadratic: `a.`×20,000 took 7–9 s), so wink reads such a run as neutral words of at most this
 * length; the sentence keeps the real text.
 */
const MAX_WORD_CHARS = 64;
/** Maximal runs without whitespace, each matched once (a bounded-repeat pattern would rescan long runs). */
const RUN = /\S+/g;
const WORD_CHUNK = new RegExp(`(.{${MAX_WORD_CHARS}}).`, 'g');

/** How far past the next non-space a token's text is looked for (wink can drop characters, never many). */
const ALIGN_SLACK = 64;
const WHITESPACE = /\s/;

/**
 * Tokenises, tags and splits a prose block into sentences with absolute offsets.
 * `offset` is the block's position in the source. Linear in the text's length.
 */
export function annotate(text: string, offset: number): Sentence[] {
  const masked = text.replace(RUN, (run) => (run.length <= MAX_WORD_CHARS ? run : 'x'.repeat(run.length).replace(WORD_CHUNK, '$1 ')));
  const doc = nlp().readDoc(masked);
  const its = nlp().its;
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const types = doc.tokens().out(its.type) as string[];
  // wink's typings declare lemma with a narrower signature than `out` accepts.
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
  const tokens: Token[] = [];
  let cursor = 0;
  // Compared once: two equal strings that are different objects compare character by character,
  // so testing it per token made a 1 MB line quadratic (13.8 s).
  const unmasked = masked === text;
  for (let i = 0; i < values.length; i++) {
    // Whitespace between tokens is skipped first, however long (unless the token is whitespace
    // itself, a tab or a line break); only then is the search bounded.
    let from = cursor;
    if (!WHITESPACE.test(values[i])) while (from < masked.length && WHITESPACE.test(masked[from])) from++;
    const found = masked.indexOf(values[i], from);
    const start = Math.min(masked.length, found === -1 || found > from + ALIGN_SLACK ? from : found);
    cursor = Math.min(masked.length, start + values[i].length);
    const value = unmasked ? values[i] : text.slice(start, cursor);
    tokens.push({ start: offset + start, end: offset + cursor, value, normal: value.toLowerCase(), pos: pos[i], lemma: lemmas[i], type: types[i] });
  }
  if (tokens.length === 0) return [];

  const raw: RawSentence[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const previous = raw[raw.length - 1];
    if (previous && shouldJoin(tokens, previous, { first, last })) previous.last = last;
    else raw.push({ first, last });
  });

  const sentences = raw.flatMap((r) => splitAfterEllipses(tokens, r));

  const entities: Array<{ first: number; mention: EntityMention }> = [];
  doc.entities().each((e: ItemEntity) => {
    const [first, last] = e.out(its.span) as unknown as [number, number];
    entities.push({ first, mention: { start: tokens[first].start, end: tokens[last].end, type: e.out(its.type) as string, value: e.out() as string } });
  });

  let e = 0;
  const result: Sentence[] = [];
  for (const { first, last } of sentences) {
    const own = tokens.slice(first, last + 1).filter((t) => t.type !== LINE_BREAK);
    const mine: EntityMention[] = [];
    while (e < entities.length && entities[e].first <= last) mine.push(entities[e++].mention);
    if (own.length === 0) continue;
    const start = own[0].start;
    const end = own[own.length - 1].end;
    result.push({ start, end, text: text.slice(start - offset, end - offset), tokens: own, entities: mine });
  }
  return result;
}
