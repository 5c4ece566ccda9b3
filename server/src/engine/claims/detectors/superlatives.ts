import type { ClaimDraft, Slot } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';
import type { Token } from '../../nlp/sentence';

const FIXED = /\b(?:the|its|their|his|her|our|world'?s|\p{Lu}[\p{L}]*'s)\s+((?:very\s+)?(?:first|only|last|earliest|most\s+\p{L}+|least\s+\p{L}+|best|worst|\p{L}+est))\b/dgiu;
const UNIVERSAL = /\b(?:for the first time|never before|unprecedented|record[- ](?:breaking|high|low|setting)|all-time (?:high|low)|first[-]ever|only one)\b/dgi;

/**
 * Idioms that hold a superlative word but rank nothing: "his best friend", "first steps",
 * "the most up-to-date information", "make the most of", "hope for the best", "at least".
 * Tested on the words after the superlative (`AFTER`) and before it (`BEFORE`).
 */
const IDIOM_AFTER = /^(?:\s*(?:-|\s)\s*)?(?:friends?|buddy|buddies|mate|pal|wishes|regards|practices?|bet|guess|part|ways?\s+to|steps?|sight|glance|impression|instance|place\s+to\s+(?:start|look|go)|things?\s+first|of\s+all|of\s+luck|name|names|minute|moment|resort|word|laugh|but\s+not\s+least|known|recently|of|up|likely|often|probably|importantly|notably|commonly|frequently|definitely|certainly|one|ones?\s+(?:who|that)|to\s+(?:know|hear|see|try|learn|find\s+out))\b/i;
const IDIOM_BEFORE = /\b(?:make|made|makes|making|get|got|gets|getting|do|did|does|doing|try|tries|tried|trying|deserve|deserves|hop(?:e|es|ed|ing)\s+for|wish(?:es)?(?:\s+you)?|all|at|find|choose|select|pick|hire|offer|give\s+you|provide\s+you\s+with)\s+(?:the|your|our|their|his|her|its|my)?\s*$/i;
/** Words that only present information as current, not rank it: "the latest news", "the most recent version". */
const CURRENT = /^(?:latest|most\s+recent|most\s+up|most\s+recently)$/i;
/** Rankings by taste or advice, which no fact settles: "the most important", "the most effective clean". */
const EVALUATIVE = /^(?:most|least)\s+(?:important|pressing|beautiful|interesting|exciting|amazing|effective|cost|delicious|comfortable|enjoyable|convenient|suitable|appropriate|relevant|urgent|memorable|rewarding|fun|valuable|promising|impressive)$|^(?:nicest|loveliest|coolest|greatest|finest|happiest|saddest)$/i;

const PHRASE_WORD = new Set(['ADJ', 'NOUN', 'PROPN']);
const PHRASE_PREPOSITIONS = new Set(['in', 'of', 'on', 'among', 'at']);

/**
 * Where the ranked noun phrase after a superlative ends: "largest [active geyser]", "first
 * [public library in Monaco]", "most [performant LRU implementations available in JavaScript]" is
 * the superlative a correction replaces. Adjectives, nouns, names and participles, then at most
 * one "in/of/on/among/at" phrase; never into a span another detector took.
 */
function phraseEnd(context: DetectionContext, from: number): number {
  const tokens = context.sentence.tokens;
  let i = tokens.findIndex((t) => t.start >= from);
  if (i < 0) return from;
  let end = from;
  let nouns = 0;
  const free = (t: Token) => context.isFree(t.start, t.end);
  const wordLike = (t: Token | undefined, next: Token | undefined) =>
    t !== undefined && free(t) && (PHRASE_WORD.has(t.pos) || (t.pos === 'VERB' && /(?:ed|ing)$/.test(t.normal) && next !== undefined && PHRASE_WORD.has(next.pos)) || (t.value === '-' && t.start === tokens[tokens.indexOf(t) - 1]?.end));
  const run = (): boolean => {
    let found = false;
    while (i < tokens.length && wordLike(tokens[i], tokens[i + 1])) {
      if (tokens[i].pos === 'NOUN' || tokens[i].pos === 'PROPN') nouns++;
      end = tokens[i++].end;
      found = true;
    }
    return found;
  };
  run();
  if (nouns === 0) return from;
  // One prepositional phrase: "in the world", "in Monaco", "of its kind".
  const saved = { i, end };
  if (tokens[i] && PHRASE_PREPOSITIONS.has(tokens[i].normal)) {
    i++;
    if (tokens[i]?.pos === 'DET' || /^(?:its|their|his|her|the)$/.test(tokens[i]?.normal ?? '')) i++;
    if (!run()) ({ i, end } = saved);
  }
  // A name can run on with "of" ("in the Republic of Ireland"), but a wh-clause or a verb ends the phrase.
  return end;
}

/** The phrase opens the clause: no verb before it ("In 1980, the oldest justice …"). */
function isSubject(context: DetectionContext, start: number): boolean {
  return !context.sentence.tokens.some((t) => t.end <= start && (t.pos === 'VERB' || t.pos === 'AUX'));
}

/** After a subject phrase ending at `from`, the complement of "is/was/are/were": a quoted string, a name, or a noun phrase. */
function complement(context: DetectionContext, from: number): Slot | undefined {
  const { sentence } = context;
  const tokens = sentence.tokens;
  // The clause's first verb, a little after the phrase ("the best-selling novel of 1925 was …").
  const i = tokens.findIndex((t) => t.start >= from && (t.pos === 'VERB' || t.pos === 'AUX'));
  if (i < 0 || tokens[i].start - from > 40 || !/^(?:is|was|are|were)$/.test(tokens[i].normal)) return undefined;
  const rest = sentence.text.slice(tokens[i].end - sentence.start);
  const quoted = /^\s*[“"]([^”"]{1,120})[”"]/d.exec(rest);
  const offset = tokens[i].end - sentence.start;
  if (quoted) return context.localSlot('superlative', offset + quoted.indices![1][0], offset + quoted.indices![1][1]);
  const name = context.properNounRuns().find((r) => r.start > tokens[i].end && /^\s*(?:the\s+)?(?:\p{Lu}\p{L}*\.?\s+)?$/u.test(sentence.text.slice(tokens[i].end - sentence.start, r.start - sentence.start)));
  if (name && context.isFree(name.start, name.end)) return context.slot('superlative', name.start, name.end);
  return undefined;
}

/** Superlatives and "firsts": universal claims whose counter-examples are never seen. */
export const detectSuperlatives: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const slots: Slot[] = [];
  for (const m of sentence.text.matchAll(FIXED)) {
    const [s, e] = m.indices![1];
    const head = context.tokensIn(sentence.start + s, sentence.start + e);
    const word = m[1].toLowerCase();
    const after = sentence.text.slice(e);
    const before = sentence.text.slice(0, m.index);
    if (IDIOM_AFTER.test(after) || IDIOM_BEFORE.test(before) || CURRENT.test(word) || EVALUATIVE.test(word) || /^(?:most|least)\s+(?:of|up|likely|often|one)$/i.test(word)) continue;
    // After its determiner, a capitalised superlative is part of a name: "the Best Paper Award", "its First Amendment".
    if (/^\p{Lu}/u.test(m[1])) continue;
    // "-est" words must be tagged adjectives ("largest"), not nouns ("interest", "forest").
    if (word.endsWith('est') && !['earliest', 'best', 'worst'].includes(word) && !head.some((t) => t.pos === 'ADJ')) continue;
    // The slot is the whole ranked phrase, from its determiner ("one of the", "the world's") on.
    const opens = m.index - (/\bone\s+of\s+$/i.exec(before)?.[0].length ?? 0);
    const determiner = /^(?:the|its|their|his|her|our)\b/i.test(m[0]) ? opens : m.index + (m[0].length - m[0].trimStart().length);
    const end = phraseEnd(context, sentence.start + e) - sentence.start;
    // "The tallest mountain in Alaska is Denali": what could be wrong is the one named, not the ranking.
    const answer = end > e && isSubject(context, sentence.start + determiner) ? complement(context, sentence.start + end) : undefined;
    slots.push(answer ?? context.localSlot('superlative', end > e ? determiner : s, Math.max(end, e)));
  }
  for (const m of sentence.text.matchAll(UNIVERSAL)) {
    const [s, e] = m.indices![0];
    slots.push(context.localSlot('superlative', s, e));
  }
  const free = slots.filter((s) => context.isFree(s.start, s.end));
  if (free.length === 0) return [];
  return [
    context.takeAll({
      type: 'superlative',
      slots: free,
      answerSpace: { size: 2, basis: 'a universal claim is true or false; KNVZ Theorem 2 is vacuous at |E_c| = 1 (docs/floor.md)', provenance: 'computed' },
      checks: [],
    }),
  ];
};
