import { version } from '../../../package.json';
import { claimRecord } from './claimRecord';
import type { FileResult } from './fileResult';
import type { ReportWriter, RunSummary } from './reportWriter';

/**
 * `--format json`: one object, written as it goes: the tool, then each file (its findings,
 * notices and statistics) on a line of its own, then the model and the totals, and
 * `"complete": true` last, so a reader can tell a whole report from one that was cut short.
 */
export function jsonReport(): ReportWriter {
  let first = true;
  return {
    begin: () => `{"tool":${JSON.stringify({ name: 'ClaimFloor', version })},"files":[\n`,
    file(r: FileResult) {
      const record = {
        path: r.path,
        error: r.error ?? null,
        config: r.config.file ?? null,
        notices: r.analysis?.notices ?? [],
        stats: r.analysis?.stats ?? null,
        claims: r.findings.map((c) => claimRecord(c, r.config.types[c.type].threshold)),
      };
      const text = `${first ? '' : ',\n'}${JSON.stringify(record)}`;
      first = false;
      return text;
    },
    end: ({ model, checked, claims, listed }: RunSummary) => `\n],"model":${JSON.stringify(model)},"summary":${JSON.stringify({ checked, claims, listed })},"complete":true}\n`,
  };
}
