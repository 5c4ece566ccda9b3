import type { ClaimDraft } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

/** Relations between named entities ("Larry Page co-founded Google", "Canberra is the capital of Australia"). */
export const detectEntityRelations: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  const runs = context.properNounRuns().filter((r) => context.isFree(r.start, r.end));
  if (runs.length < 2) return [];
  const [subject, ...rest] = runs;
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
