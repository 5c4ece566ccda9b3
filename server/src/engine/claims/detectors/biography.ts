import type { ClaimDraft, Slot } from '../claim';
import { dateSlots } from './dateSlots';
import type { DetectionContext, Detector } from './detectionContext';

const CUE = /\b(?:born|died|passed away|birth|death|married|wed|graduated|studied|educated|attended|grew up|raised|buried|retired|emigrated|immigrated|naturali[sz]ed)\b/i;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near']);

/**
 * A person introduced by what they were: "Ada Byrne (1815–1852) was an English mathematician and
 * writer", "She is a Chilean poet". The person is a name of two or more words or he/she; the
 * slots are the life span in parentheses, the nationality and each occupation of the list.
 */
const INTRODUCTION = /^\s*(?:(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|[IVX]+|de|van|von|der|da|di|le|la))+)|He|She)\s*(?:\(([^()]{4,80})\))?,?\s+(?:is|was)\s+(?:an?\s+)?(?:(?:also|now|then)\s+)?((?:\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?\s+)?)((?:\p{Ll}[\p{Ll}-]*)(?:\s+(?!and\b)\p{Ll}[\p{Ll}-]*)?(?:(?:,\s+|,?\s+and\s+|\s+and\s+)(?:former\s+|retired\s+)?\p{Ll}[\p{Ll}-]*(?:\s+(?!and\b)\p{Ll}[\p{Ll}-]*)?)*)/du;
/** What the head noun of an occupation looks like: "lawyer", "sculptor", "artist", "politician", "judge", "poet". */
const OCCUPATION = /^(?:\p{Ll}+(?:er|or|ist|ian|ant|ent|ess|man|woman|eer|ogist|wright|smith|at|aut)|judge|poet|chef|monk|nun|king|queen|prince|princess|saint|pope|bishop|priest|cleric|pilot|nurse|model|cook|chief|coach|clerk|spy|scholar|jurist|magnate|mogul|tycoon|cardinal|general|admiral|colonel|captain|sheriff|mayor|senator|governor|president|activist|entrepreneur|executive|academic|physician|surgeon|economist|athlete|goalkeeper|midfielder|striker|jockey|explorer|inventor|aristocrat|noble|nobleman|noblewoman|lord|lady|knight|baron|count|duke|earl)s?$/u;
const NOT_OCCUPATION = /^(?:the|a|an|not|known|born|one|part|member|key|major|common|natural|new|small|large|big|long|short|number)$/;
/** Words a list of occupations ends at: "a German philosopher of the late 19th century", "a judge who …". */
const PHRASE_END = /\s+(?:of|who|which|that|from|in|at|for|with|best|whose|known|born|living|based|during|until|since)\b.*$/s;

function introduction(context: DetectionContext): ClaimDraft | undefined {
  const m = INTRODUCTION.exec(context.sentence.text);
  if (!m) return undefined;
  const slots: Slot[] = [];
  let answerSpace;
  if (m[2] !== undefined) {
    const dates = dateSlots(context);
    const [ps, pe] = m.indices![2];
    const [from, to] = [context.sentence.start + ps, context.sentence.start + pe];
    const inParenthesis = dates.slots.filter((d) => d.start >= from - 1 && d.end <= to + 1);
    if (inParenthesis.length > 0) {
      // The two ends of a life span are one value, with its parentheses ("(1820–1876)"): grounding
      // reads a parenthesised span as a birth and a death. One date ("born 3 May 1960") is itself.
      if (inParenthesis.length >= 2) slots.push(context.slot('date', from - 1, to + 1));
      else slots.push(context.slot('date', inParenthesis[0].start, inParenthesis[0].end));
      answerSpace = dates.answerSpace;
    }
  }
  if (m[3]) {
    const [ds] = m.indices![3];
    const word = m[3].trim();
    slots.push(context.localSlot('place', ds, ds + word.length));
  }
  const [ls] = m.indices![4];
  const list = m[4].replace(PHRASE_END, '');
  for (const item of list.matchAll(/[^,]+?(?=\s*,|\s+and\s+|$)/gu)) {
    const text = item[0].replace(/^(?:\s*,)?\s*(?:and\s+)?/, '');
    const offset = item.index + item[0].length - text.length;
    // "a prominent researcher": the evaluation is not part of the occupation.
    const lead = /^(?:(?:very|most|also|well-known|well|prominent|famous|leading|renowned|notable|noted|popular|influential|important|great|good|successful|talented|acclaimed|celebrated|respected|distinguished|prolific|passionate|dedicated|avid|keen|skilled|gifted|brilliant|eminent|outstanding)\s+)*/.exec(text)![0];
    const occupation = text.slice(lead.length).trim();
    const head = occupation.split(/\s+/).pop() ?? '';
    if (!occupation || occupation.split(/\s+/).some((w) => NOT_OCCUPATION.test(w)) || !OCCUPATION.test(head)) continue;
    slots.push(context.localSlot('object', ls + offset + lead.length, ls + offset + lead.length + occupation.length));
  }
  const free = slots.filter((x) => context.isFree(x.start, x.end));
  if (free.length === 0 || !free.some((x) => x.role !== 'date')) return undefined;
  return context.takeAll({
    type: 'biography',
    slots: free,
    answerSpace: answerSpace ?? { size: Infinity, basis: 'nationality and occupation: their entropy was not measured, so treated as verbatim values (upper bound)', provenance: 'assumption' },
    checks: [],
  });
}

/** Biographical attributes: birth and death dates and places, education, marriage, nationality and occupation. */
export const detectBiography: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const introduced = introduction(context);
  if (!CUE.test(sentence.text)) return introduced ? [introduced] : [];
  const dates = dateSlots(context);
  const places: Slot[] = [];
  const tokens = sentence.tokens;
  for (const run of context.properNounRuns()) {
    const index = tokens.findIndex((t) => t.start === run.start);
    if (index > 0 && PLACE_PREPOSITIONS.has(tokens[index - 1].normal) && context.isFree(run.start, run.end)) places.push(context.slot('place', run.start, run.end));
  }
  if (dates.slots.length === 0 && places.length === 0) return introduced ? [introduced] : [];
  const answerSpace = dates.answerSpace ?? {
    size: Infinity,
    basis: 'place: the entropy of birthplaces was not measured, so it is treated as a verbatim value (upper bound)',
    provenance: 'assumption' as const,
  };
  return [...(introduced ? [introduced] : []), context.takeAll({ type: 'biography', slots: [...dates.slots, ...places], answerSpace, checks: dates.checks })];
};
