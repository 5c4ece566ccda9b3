import type { Span } from '../../markdown/proseDocument';
import type { ClaimDraft } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

/** Personal pronouns that stand for the subject carried over from an earlier sentence ("He studied under Kuno Fischer"). */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'his', 'her', 'their']);

/**
 * Relations between named entities ("Larry Page co-founded Google", "Canberra is the capital of
 * Australia"), including those whose subject is a pronoun for a person named earlier.
 */
export const detectEntityRelations: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const runs = context.properNounRuns().filter((r) => context.isFree(r.start, r.end));
  const pronoun: Span | undefined = sentence.tokens.find((t) => SUBJECT_PRONOUNS.has(t.normal) && t.pos === 'PRON' && (runs.length === 0 || t.end <= runs[0].start));
  const [subject, ...rest] = pronoun ? [pronoun, ...runs] : runs;
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
