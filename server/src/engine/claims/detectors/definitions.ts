import type { ClaimDraft } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

const DEFINITION = /^\s*(?:(?:An?|The)\s+)?([\p{L}][\p{L}\s-]{0,58}?)\s+(?:is|are|refers to|means|denotes)\s+(?:a|an|the|any|one)\b/du;

/** Definitions and common knowledge ("A monofact is a fact seen once"): systematic, floor ≈ 0. */
export const detectDefinitions: Detector = (context: DetectionContext): ClaimDraft[] => {
  const m = DEFINITION.exec(context.sentence.text);
  if (!m) return [];
  const [s, e] = m.indices![1];
  const term = context.localSlot('term', s, e);
  if (!context.isFree(term.start, term.end)) return [];
  return [
    context.takeAll({
      type: 'definition',
      slots: [term],
      answerSpace: { size: Infinity, basis: 'systematic knowledge: no arbitrary answer set', provenance: 'computed' },
      checks: [],
    }),
  ];
};
