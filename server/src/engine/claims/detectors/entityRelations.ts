import type { Span } from '../../markdown/proseDocument';
import type { ClaimDraft } from '../claim';
import { ACRONYM, type DetectionContext, type Detector } from './detectionContext';
import type { Token } from '../../nlp/sentence';

/** Personal pronouns that stand for the subject carried over from an earlier sentence ("He studied under Kuno Fischer"). */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'his', 'her', 'their']);

/** Nationality, language and religion adjectives: "Austrian", "Haitian", "English", "Japanese". */
const DEMONYM = /^\p{Lu}\p{Ll}+(?:ish|ese|ian|ean|ians|eans)$/u;
/** Weaker endings ("American", "Israeli", "Celtic") are adjectives only before a noun: "an American lawyer". */
const DEMONYM_BEFORE_NOUN = /^\p{Lu}\p{Ll}+(?:an|i|ic)$/u;
const FAITHS = new Set(['jewish', 'catholic', 'protestant', 'muslim', 'islamic', 'christian', 'buddhist', 'hindu', 'sikh', 'orthodox', 'anglican', 'lutheran', 'methodist', 'baptist', 'evangelical', 'atheist', 'secular', 'arab', 'latino', 'latina', 'hispanic', 'asian', 'african', 'european', 'western', 'eastern', 'northern', 'southern']);
/** Words after an acronym that make it a modifier ("AUC score", "NLP conferences"), or before it that make it a platform ("on arXiv"). */
const ADPOSITIONS_OF_PLATFORM = new Set(['on', 'via', 'through', 'from']);

/**
 * A one-word "name" that states no relation on its own: a demonym or faith ("an Austrian
 * physicist", "was Jewish"), or an acronym used as a term ("the AUC", "NLP conferences", "(HCl)",
 * "on arXiv"). Several words ("Royal Society", "Leeds United") are names.
 */
function notAnEntity(tokens: Token[], start: number, end: number): boolean {
  const inside = tokens.filter((t) => t.start >= start && t.end <= end);
  if (inside.length !== 1) return false;
  const word = inside[0];
  const index = tokens.indexOf(word);
  const next = tokens[index + 1];
  const previous = tokens[index - 1];
  const beforeNoun = next !== undefined && next.type === 'word' && /^\p{Ll}/u.test(next.value) && (next.pos === 'NOUN' || next.pos === 'ADJ');
  if (DEMONYM.test(word.value) || FAITHS.has(word.normal) || (DEMONYM_BEFORE_NOUN.test(word.value) && beforeNoun)) return true;
  if (!ACRONYM.test(word.value)) return false;
  return beforeNoun || previous?.value === '(' || ADPOSITIONS_OF_PLATFORM.has(previous?.normal ?? '') || /^[a-z]/.test(word.value);
}

/**
 * Relations between named entities ("Larry Page co-founded Google", "Canberra is the capital of
 * Australia"), including those whose subject is a pronoun for a person named earlier.
 */
export const detectEntityRelations: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const runs = context.properNounRuns().filter((r) => context.isFree(r.start, r.end));
  const pronoun: Span | undefined = sentence.tokens.find((t) => SUBJECT_PRONOUNS.has(t.normal) && t.pos === 'PRON' && (runs.length === 0 || t.end <= runs[0].start));
  const [subject, ...candidates] = pronoun ? [pronoun, ...runs] : runs;
  // Demonyms and acronyms can be a relation's subject ("NASA launched …") but never its object.
  const rest = candidates.filter((r) => !notAnEntity(sentence.tokens, r.start, r.end));
  if (!subject || rest.length === 0) return [];
  const linked = rest.filter((object) => sentence.tokens.some((t) => t.start >= subject.end && t.end <= object.start && (t.pos === 'VERB' || t.pos === 'AUX')));
  if (linked.length === 0) return [];
  return [
    context.takeAll({
      type: 'entity-relation',
      slots: linked.map((r) => context.slot('object', r.start, r.end)),
      answerSpace: { size: Infinity, basis: 'effective answer set of the relation not measured; treated as a verbatim value (upper bound)', provenance: 'assumption' },
      checks: [],
    }),
  ];
};
