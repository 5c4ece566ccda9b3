import type { Sentence } from '../nlp/sentence';

export type NonClaimReason = 'question' | 'instruction' | 'opinion' | 'hedged' | 'plan' | 'boilerplate';

const OPINION = /^(?:(?:I|We)\s+(?:really\s+)?(?:think|believe|feel|guess|suppose|reckon|love|like|hate|prefer|hope|wish|expect)\b|(?:In\s+)?(?:my|our)\s+(?:opinion|view)\b)|\b(?:IMHO|IMO|personally|I'd say|in my (?:opinion|view))\b/i;
const SPECULATIVE_MODAL = /\b(?:might|may|could)\b/;
const FUTURE = /\b(?:will|would|shall|going to|is expected to|are expected to)\b/i;
const HEDGE = /\b(?:probably|likely|perhaps|possibly|maybe|presumably|hopefully|expected)\b/i;
/**
 * A plan or intention is not yet a fact: "will become the default", "is going to be removed",
 * "plans to ship", "in a future release". A scheduled change names what is to happen, which no
 * reader can check today.
 */
const PLAN = new RegExp(
  String.raw`\b(?:(?:will|shall|is going to|are going to|is planned to|are planned to|plans? to|intends? to|aims? to|is scheduled to|are scheduled to)\s+(?:(?:soon|eventually|also|then|likely|probably|no longer|not)\s+)*(?:become|be\s+(?:the\s+)?default|be\s+(?:added|removed|deprecated|dropped|replaced|introduced|released|supported|changed|renamed|merged|enabled|disabled|extended|improved|rewritten)|change|replace|ship|land|arrive|add|remove|drop|deprecate|support|switch|move|introduce|release|launch|expand|extend)|in\s+(?:a|the)\s+(?:future|next|upcoming|coming)\s+(?:major\s+|minor\s+)?(?:version|release|update)|on\s+(?:the|our)\s+roadmap)\b`,
  'i',
);
/**
 * What a chat model says about itself ("As an AI language model, I …", "I don't have access to
 * real-time data"): about the model, not the world, so nothing in it is a claim to check.
 */
const BOILERPLATE = /^\s*(?:(?:However|But|Unfortunately|Sorry),?\s+)?(?:As an? (?:AI|artificial intelligence)(?: language model| model| assistant| chatbot)?\b|I(?:'m| am) (?:sorry|an AI|just an AI|not able|unable)\b|I (?:do not|don't|cannot|can't|am unable to) (?:have|provide|browse|access|predict|give|know)\b)/i;
/** "As of my knowledge cutoff in September 2021, …": the model's training date, not the date of anything the sentence states. */
const KNOWLEDGE_CUTOFF = /\b(?:as of|since|after|beyond|until|up to)\s+my\s+(?:last\s+)?(?:knowledge|training|information)?\s*(?:cut-?off|update|training(?:\s+data)?)(?:\s+date)?(?:\s+(?:in|of|on|,))?[^,;.]*/gi;
/** The spans of a sentence that assert nothing (the model's knowledge date, a hedged or planned clause), which no detector should read. */
export function boilerplateSpans(sentence: Sentence): Array<{ start: number; end: number }> {
  const cutoff = [...sentence.text.matchAll(KNOWLEDGE_CUTOFF)].map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }));
  return [...cutoff, ...unassertedClauses(sentence)];
}

const IMPERATIVE_STARTERS = new Set(['please', "let's", 'let']);

/**
 * Sentences that assert nothing checkable: questions, instructions, opinions, hedged
 * statements, plans and a chat model's talk about itself. Headings never reach here (they are not prose blocks).
 */
export function nonClaimReason(sentence: Sentence): NonClaimReason | undefined {
  const text = sentence.text.trim();
  if (/\?[\s"'”’)\]]*$/.test(text)) return 'question';
  const words = sentence.tokens.filter((t) => t.type === 'word');
  const first = words[0];
  // An imperative opens with a bare verb and has no auxiliary; "React 18 was released" is not one.
  const imperative = first?.pos === 'VERB' && first.lemma === first.normal && sentence.tokens[0] === first && !sentence.tokens.some((t) => t.pos === 'AUX');
  if (first && (IMPERATIVE_STARTERS.has(first.normal) || imperative)) return 'instruction';
  if (BOILERPLATE.test(text)) return 'boilerplate';
  if (OPINION.test(text)) return 'opinion';
  // A modal inside a quotation is the speaker's, not the writer's hedge.
  const own = text.replace(/[“"][^”"]*[”"]/g, (q) => ' '.repeat(q.length));
  // A hedge governs its own clause: "This may seem small, but the galaxy has billions of stars" still states the second.
  const clauses = clausesOf(own);
  if (clauses.every((c) => hedged(c.text))) return 'hedged';
  if (PLAN.test(own) && !clauses.some((c) => !PLAN.test(c.text) && !hedged(c.text) && /\p{L}{3}/u.test(c.text))) return 'plan';
  return undefined;
}

function hedged(text: string): boolean {
  return SPECULATIVE_MODAL.test(text) || (FUTURE.test(text) && HEDGE.test(text));
}

/** Where one clause ends and a coordinated one begins: ", but", "; ", ", yet", ", although". */
const CLAUSE_BREAK = /,\s+(?:but|yet|although|though|whereas|while|so)\s+|;\s+|\s+but\s+/gi;

function clausesOf(text: string): Array<{ start: number; end: number; text: string }> {
  const clauses: Array<{ start: number; end: number; text: string }> = [];
  let start = 0;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    clauses.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  clauses.push({ start, end: text.length, text: text.slice(start) });
  return clauses;
}

/** Hedged or planned clauses of a sentence that also states something: no detector reads them. */
function unassertedClauses(sentence: Sentence): Array<{ start: number; end: number }> {
  const own = sentence.text.replace(/[“"][^”"]*[”"]/g, (q) => ' '.repeat(q.length));
  const clauses = clausesOf(own);
  if (clauses.length < 2) return [];
  return clauses.filter((c) => hedged(c.text) || PLAN.test(c.text)).map((c) => ({ start: sentence.start + c.start, end: sentence.start + c.end }));
}
