import type { Severity } from '../engine';
import type { FileResult } from './fileResult';
import type { ReportWriter } from './reportWriter';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `--format github`: GitHub Actions workflow commands, which become annotations on the pull request. */
export function githubReport(): ReportWriter {
  return {
    begin: () => '',
    file(r: FileResult) {
      if (r.error) return `::warning file=${escapeProperty(r.path)},title=ClaimFloor::${escapeData(`Not checked: ${r.error}`)}\n`;
      return r.findings
        .map((c) => {
          const { start, end } = c.range;
          const props = [`file=${escapeProperty(r.path)}`, `line=${start.line + 1}`, `col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(`ClaimFloor ${c.type}`)}`];
          return `::${COMMAND[c.severity]} ${props.join(',')}::${escapeData(c.message)}\n`;
        })
        .join('');
    },
    end: () => '',
  };
}
