import { version } from '../../../package.json';
import type { FileResult } from './fileResult';
import { claimRecord } from './claimRecord';
import type { ModelReport } from './modelReport';

/** `--format json`: every file with its findings, notices and statistics. */
export function formatJson(results: FileResult[], { model }: { model: ModelReport }): string {
  return `${JSON.stringify(
    {
      tool: { name: 'ClaimFloor', version },
      model,
      files: results.map((r) => ({
        path: r.path,
        error: r.error ?? null,
        config: r.config.file ?? null,
        notices: r.analysis?.notices ?? [],
        stats: r.analysis?.stats ?? null,
        claims: r.findings.map((c) => claimRecord(c, r.config.types[c.type].threshold)),
      })),
    },
    null,
    2,
  )}\n`;
}
