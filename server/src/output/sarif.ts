import { pathToFileURL } from 'node:url';
import type { Notification, ReportingDescriptor, Result } from 'sarif';
import { version } from '../../../package.json';
import { CLAIM_TYPE_TABLE, CLAIM_TYPES, type AssessedClaim, type Severity } from '../engine';
import type { FileResult } from './fileResult';
import { claimRecord } from './claimRecord';
import type { ModelReport } from './modelReport';
import { emptyCounts, type ReportWriter, type RunSummary } from './reportWriter';

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

const RULES: ReportingDescriptor[] = CLAIM_TYPES.map((type) => {
  const info = CLAIM_TYPE_TABLE[type];
  return {
    id: type,
    name: info.title,
    shortDescription: { text: info.title },
    fullDescription: { text: `Governing bound: ${info.governingBound}. ${info.formula}.` },
    help: { text: info.remedy },
    properties: { nature: info.nature, prior: info.prior ?? null },
  };
});

function sarifResult(r: FileResult, c: AssessedClaim): Result {
  const { start, end } = c.range;
  return {
    ruleId: c.type,
    ruleIndex: CLAIM_TYPES.indexOf(c.type),
    level: LEVEL[c.severity],
    rank: Math.round(c.risk * 1000) / 10,
    message: { text: c.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(r.path), uriBaseId: '%SRCROOT%' },
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, snippet: { text: c.text } },
        },
      },
    ],
    relatedLocations: relatedLocations(c),
    partialFingerprints: { 'claimfloor/claim/v1': c.id },
    properties: claimRecord(c, r.config.types[c.type].threshold),
  };
}

/**
 * `--format sarif`: SARIF 2.1.0, one result per listed claim (columns in UTF-16 code units, as in
 * LSP), written as the files are done; the run's notifications and model close it.
 */
export function sarifReport(): ReportWriter {
  let first = true;
  const notifications: Notification[] = [];
  return {
    begin: () => `{"version":"2.1.0","$schema":"https://json.schemastore.org/sarif-2.1.0.json","runs":[{"tool":${JSON.stringify({ driver: { name: 'ClaimFloor', version, semanticVersion: version, rules: RULES } })},"columnKind":"utf16CodeUnits","results":[\n`,
    file(r: FileResult) {
      if (r.error) notifications.push({ level: 'warning', message: { text: `${r.path}: not checked: ${r.error}` } });
      for (const n of r.analysis?.notices ?? []) notifications.push({ level: n.severity === 'information' ? 'note' : n.severity, message: { text: `${r.path}: ${n.message}` } });
      if (r.findings.length === 0) return '';
      const text = `${first ? '' : ',\n'}${r.findings.map((c) => JSON.stringify(sarifResult(r, c))).join(',\n')}`;
      first = false;
      return text;
    },
    end: ({ model }: RunSummary) => `\n],"invocations":${JSON.stringify([{ executionSuccessful: true, toolExecutionNotifications: notifications }])},"properties":${JSON.stringify({ model })}}]}\n`,
  };
}

/** A whole SARIF log of some results at once (the editor's "Export SARIF"). */
export function formatSarif(results: FileResult[], { model }: { model: ModelReport }): string {
  const writer = sarifReport();
  return writer.begin() + results.map((r) => writer.file(r)).join('') + writer.end({ model, checked: results.length, claims: 0, listed: emptyCounts() });
}

/** The source passage that contradicts or supports the claim, and where else the fact occurs. */
function relatedLocations(claim: AssessedClaim): Result['relatedLocations'] {
  const g = claim.corpus?.grounding;
  const hits = [...(g?.passage ? [{ hit: g.passage, text: g.conflict ? `Source says ${g.conflict.stated}` : 'Source supporting this claim' }] : []), ...(claim.corpus?.occurrences?.locations ?? []).map((hit) => ({ hit, text: 'The same fact elsewhere in the workspace' }))];
  if (hits.length === 0) return undefined;
  return hits.map(({ hit, text }, id) => ({
    id,
    message: { text },
    physicalLocation: { artifactLocation: { uri: pathToFileURL(hit.document).href }, region: { startLine: hit.passage.line + 1 } },
  }));
}
