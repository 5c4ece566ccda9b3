import type { ClaimDraft } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

const DEFINITION = /^\s*(?:(?:An?|The)\s+)?([\p{L}][\p{L}\s-]{0,58}?)\s+(?:is|are|refers to|means|denotes)\s+((?:a|an|the|any|one)\b)/du;
/** A pronoun or a pointer is no term ("It is a natural phenomenon", "This is a bundler", "Here is a list"). */
const NOT_A_TERM = /^(?:it|this|that|these|those|there|here|he|she|they|we|you|i|one|which|what|who|someone|something|everything|nothing|all|each|both|many|some|such)\b/i;
/**
 * Where the defining predicate ends: a clause or an aside ("a software company that specializes in …",
 * "a noble metal, meaning …"); "the process in which plants …" keeps its own relative clause.
 */
const PREDICATE_END = /[;:.!?](?:\s|$)|,\s+(?:which|who|where|meaning|and|but|while|whereas|so|with|including|such as|like|as)\b|(?<!\b(?:in|of|by|on|at|for|to|from|with|through|under))\s+(?:that|which|who|whose|where|developed|created|written|founded|based|used)\b|\n/;

/**
 * Definitions and common knowledge ("A monofact is a fact seen once"): systematic, floor ≈ 0.
 * The term must be a thing named by a common noun: a person or a name "is a X" is a biography or
 * an entity relation at most ("Isabelle Augenstein is a prominent researcher"), and a pronoun is
 * no term. The slots are the term and the defining predicate, which is what could be wrong.
 */
export const detectDefinitions: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const m = DEFINITION.exec(sentence.text);
  if (!m || NOT_A_TERM.test(m[1])) return [];
  const [s, e] = m.indices![1];
  const termTokens = context.tokensIn(sentence.start + s, sentence.start + e).filter((t) => t.type === 'word');
  // A full name as the term: two or more words, each capitalised and tagged a name ("Isabelle Augenstein"). One
  // capitalised word opening the sentence is tagged a name whatever it is ("Photosynthesis"), so it stays a term.
  if (termTokens.length > 1 && termTokens.every((t) => t.pos === 'PROPN' && /^\p{Lu}/u.test(t.value))) return [];
  const term = context.localSlot('term', s, e);
  if (!context.isFree(term.start, term.end)) return [];
  const [ps] = m.indices![2];
  const rest = sentence.text.slice(ps);
  const cut = rest.search(PREDICATE_END);
  const predicate = rest.slice(0, cut < 0 ? rest.length : cut).trimEnd();
  const slots = [term];
  if (predicate.split(/\s+/).length >= 2) {
    const slot = context.localSlot('object', ps, ps + predicate.length);
    if (context.isFree(slot.start, slot.end)) slots.push(slot);
  }
  return [
    context.takeAll({
      type: 'definition',
      slots,
      answerSpace: { size: Infinity, basis: 'systematic knowledge: no arbitrary answer set', provenance: 'computed' },
      checks: [],
    }),
  ];
};
