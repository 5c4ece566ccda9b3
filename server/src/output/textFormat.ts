import type { Severity } from '../engine';
import type { FileResult } from './fileResult';
import { describeModel, type ModelReport } from './modelReport';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/** Human-readable output in the `path:line:col` shape editors and terminals make clickable. */
export function formatText(results: FileResult[], { quiet, model }: { quiet: boolean; model: ModelReport }): string {
  const out: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) {
    if (r.error) {
      out.push(`${r.path}: ${r.error}`);
      continue;
    }
    if (!quiet) for (const n of r.analysis?.notices ?? []) out.push(`${r.path}: ${n.severity}: ${n.message}`);
    for (const c of r.findings) {
      counts[c.severity]++;
      const { line, character } = c.range.start;
      out.push(`${r.path}:${line + 1}:${character + 1} ${LABEL[c.severity]} ${c.type} ${c.message}`);
    }
  }
  if (quiet) return out.length > 0 ? `${out.join('\n')}\n` : '';
  const checked = results.filter((r) => !r.error).length;
  const claims = results.reduce((n, r) => n + (r.analysis?.claims.length ?? 0), 0);
  out.push(
    `${checked} file${checked === 1 ? '' : 's'} checked, ${claims} claim${claims === 1 ? '' : 's'}; ` +
      `${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} other listed.`,
    describeModel(model),
  );
  return `${out.join('\n')}\n`;
}
