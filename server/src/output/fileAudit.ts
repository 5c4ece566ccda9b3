import type { FileAudit } from '../../../protocol/claimFloorProtocol';
import { CLAIM_TYPE_TABLE, CLAIM_TYPES, type ClaimFloorConfig, type DocumentAnalysis } from '../engine';
import { claimRecord } from './claimRecord';
import { formatSarif } from './sarif';

/** The report of one document the client renders ("Audit Claims in Current File"), with its SARIF export. */
export function fileAudit(document: { uri: string; path?: string }, result: { analysis: DocumentAnalysis; config: ClaimFloorConfig }, modelText: string): FileAudit {
  const { analysis, config } = result;
  const path = document.path ?? document.uri;
  const used = !modelText.startsWith('rules only') && !modelText.startsWith('the model is');
  return {
    uri: document.uri,
    path,
    stats: analysis.stats,
    notices: analysis.notices,
    claims: analysis.claims.map((c) => claimRecord(c, config.types[c.type].threshold)),
    typeTitles: Object.fromEntries(CLAIM_TYPES.map((t) => [t, CLAIM_TYPE_TABLE[t].title])),
    model: modelText,
    sarif: formatSarif([{ path, config, analysis, findings: analysis.claims }], { model: used ? { used: true, name: modelText } : { used: false, reason: modelText } }),
  };
}
