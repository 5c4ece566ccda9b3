import type { Evidence, RiskSignal } from '../evidence';
import { calibratedFinding } from './calibratedFinding';

/**
 * Checks the claim against the writer's sources (declared folders, linked files, cited BibTeX
 * entries). A source that states a different value for the same subject and relation settles
 * the claim as wrong; support and its absence move the risk by their measured likelihood ratios.
 */
export const groundingSignal: RiskSignal = {
  id: 'grounding',
  assess(_claim, { corpus }): Evidence[] {
    const g = corpus?.grounding;
    if (!g || g.status === 'no-sources') return [];
    const where = g.passage ? ` (${g.passage.document.split('/').pop()})` : '';
    if (g.status === 'contradicted') {
      return [
        {
          signal: this.id,
          effect: { kind: 'certain', probability: 1 },
          summary: `Your source says ${g.conflict!.stated}, not ${g.conflict!.claimed}${where}.`,
          provenance: 'computed',
          source: g.passage!.document,
        },
      ];
    }
    if (g.status === 'supported') return [calibratedFinding(this.id, 'grounding:supported', `a source states every value of this claim${where}`)];
    return [calibratedFinding(this.id, 'grounding:unsupported', `nothing in your sources mentions it (${g.passagesRead} passage${g.passagesRead === 1 ? '' : 's'} read)`)];
  },
};
