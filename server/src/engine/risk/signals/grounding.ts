import { passagePlace } from '../../reference/corpusIndex';
import type { Grounding } from '../../reference/grounding';
import type { Evidence, RiskSignal } from '../evidence';
import { FEATURE_GROUPS } from '../claimFeatures';
import { fittedEvidence } from './fittedEvidence';
const MAX_LISTED = 4;

/** "a source states every value of this claim (curie.txt); 2 of 7 content words appear in no source about the subject: “Warsaw”, “1903”". */
function reading(g: Grounding): string {
  const where = g.passage ? ` (${passagePlace(g.passage)})` : '';
  const judged =
    g.status === 'supported' ? `a source states every value of this claim${where}` : `no source states this claim's values (${g.passagesRead} passage${g.passagesRead === 1 ? '' : 's'} read)`;
  const c = g.coverage;
  if (!c || c.words === 0) return judged;
  if (c.documents.length === 0) return `${judged}; no source mentions the subject`;
  if (c.missing.length === 0) return `${judged}; every content word of the sentence is in a source about the subject`;
  const listed = c.missing.slice(0, MAX_LISTED).map((w) => `“${w}”`).join(', ');
  return `${judged}; ${c.missing.length} of ${c.words} content words appear in no source about the subject: ${listed}${c.missing.length > MAX_LISTED ? ', …' : ''}`;
}

/** The same in a few words, for the message: "your sources about the subject lack “Warsaw”, “1903”". */
function shortReading(g: Grounding): string {
  if (g.status === 'supported') return 'a source states every value of it';
  if (g.status === 'no-subject-source') return 'no source is about its subject';
  const c = g.coverage;
  if (c && c.documents.length > 0 && c.missing.length > 0) return `your sources about the subject lack ${c.missing.slice(0, 2).map((w) => `“${w}”`).join(', ')}${c.missing.length > 2 ? ', …' : ''}`;
  return 'no source states its values';
}

/**
 * Checks the claim against the writer's sources (declared folders, linked files, cited BibTeX
 * entries). A source that states a different value for the same subject and relation settles
 * the claim as wrong; otherwise support and the sentence's coverage by the sources move the risk
 * through the fitted model for drafts checked against sources.
 */
export const groundingSignal: RiskSignal = {
  id: 'grounding',
  assess(_claim, context): Evidence[] {
    const g = context.corpus?.grounding;
    if (!g || g.status === 'no-sources') return [];
    if (g.status === 'contradicted') {
      return [
        {
          signal: this.id,
          effect: { kind: 'certain', probability: 1 },
          summary: `Your source says ${g.conflict!.stated}, not ${g.conflict!.claimed} (${passagePlace(g.passage!)}).`,
          provenance: 'computed',
          source: g.passage!.document,
        },
      ];
    }
    return fittedEvidence(this.id, context, FEATURE_GROUPS.grounding, () => ({ because: shortReading(g), detail: reading(g) }));
  },
};
