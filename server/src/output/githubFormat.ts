import type { Severity } from '../engine';
import type { FileResult } from './fileResult';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `--format github`: GitHub Actions workflow commands, which become annotations on the pull request. */
export function formatGithub(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) {
      lines.push(`::warning file=${escapeProperty(r.path)},title=ClaimFloor::${escapeData(`Not checked: ${r.error}`)}`);
      continue;
    }
    for (const c of r.findings) {
      const { start, end } = c.range;
      const props = [`file=${escapeProperty(r.path)}`, `line=${start.line + 1}`, `col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(`ClaimFloor ${c.type}`)}`];
      lines.push(`::${COMMAND[c.severity]} ${props.join(',')}::${escapeData(c.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
