import { checkArithmetic } from '../../checks/arithmetic';
import type { ClaimDraft } from '../claim';
import type { DetectionContext, Detector } from './detectionContext';

/** Derived computations stated in the sentence ("from 20 to 30, a 50% increase"), recomputed. */
export const detectArithmetic: Detector = (context: DetectionContext): ClaimDraft[] => {
  const { sentence } = context;
  return checkArithmetic(sentence.text, sentence.start)
    .filter((c) => context.isFree(c.start, c.end))
    .map((check) =>
      context.takeAll({
        type: 'arithmetic',
        slots: [context.slot('derived-value', check.start, check.end)],
        answerSpace: { size: Infinity, basis: 'recomputed from the operands in the sentence', provenance: 'computed' },
        checks: [check],
      }),
    );
};
