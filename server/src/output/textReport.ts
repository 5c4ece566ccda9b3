import type { Severity } from '../engine';
import type { FileResult } from './fileResult';
import { describeModel } from './modelReport';
import type { ReportWriter, RunSummary } from './reportWriter';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };
const lines = (out: string[]) => (out.length > 0 ? `${out.join('\n')}\n` : '');

/** Human-readable output in the `path:line:col` shape editors and terminals make clickable; the summary is its last line. */
export function textReport({ quiet }: { quiet: boolean }): ReportWriter {
  return {
    begin: () => '',
    file(r: FileResult) {
      if (r.error) return lines([`${r.path}: ${r.error}`]);
      const out = quiet ? [] : (r.analysis?.notices ?? []).map((n) => `${r.path}: ${n.severity}: ${n.message}`);
      for (const c of r.findings) out.push(`${r.path}:${c.range.start.line + 1}:${c.range.start.character + 1} ${LABEL[c.severity]} ${c.type} ${c.message}`);
      return lines(out);
    },
    end({ checked, claims, listed, model }: RunSummary) {
      if (quiet) return '';
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      return lines([`${plural(checked, 'file')} checked, ${plural(claims, 'claim')}; ${plural(listed.error, 'error')}, ${plural(listed.warning, 'warning')}, ${listed.information + listed.hint} other listed.`, describeModel(model)]);
    },
  };
}
