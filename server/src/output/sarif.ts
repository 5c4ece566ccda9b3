import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { version } from '../../../package.json';
import { CLAIM_TYPE_TABLE, CLAIM_TYPES, type AssessedClaim, type Severity } from '../engine';
import type { FileResult } from './fileResult';
import { claimRecord } from './claimRecord';
import type { ModelReport } from './modelReport';

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

/** `--format sarif`: SARIF 2.1.0, one result per listed claim; columns in UTF-16 code units as in LSP. */
export function formatSarif(results: FileResult[], { model }: { model: ModelReport }): string {
  const sarifResults: Result[] = [];
  for (const r of results) {
    for (const c of r.findings) {
      const threshold = r.config.types[c.type].threshold;
      const { start, end } = c.range;
      sarifResults.push({
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
        properties: claimRecord(c, threshold),
      });
    }
  }
  const notifications = results.flatMap((r) => [
    ...(r.error ? [{ level: 'warning' as const, message: { text: `${r.path}: not checked: ${r.error}` } }] : []),
    ...(r.analysis?.notices ?? []).map((n) => ({ level: n.severity === 'information' ? ('note' as const) : n.severity, message: { text: `${r.path}: ${n.message}` } })),
  ]);
  const log: Log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'ClaimFloor', version, semanticVersion: version, rules: RULES } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        results: sarifResults,
        properties: { model },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
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
