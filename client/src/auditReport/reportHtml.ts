import type { ClaimRecord, FileAudit } from '../../../protocol/claimFloorProtocol';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const pct = (p: number) => `${Math.round(p * 100)}%`;
const SEVERITY_RANK = { error: 0, warning: 1, information: 2, hint: 3 } as const;

interface TypeSummary {
  type: string;
  title: string;
  rows: ClaimRecord[];
  meanRisk: number;
  floor: ClaimRecord['floor'];
}

function summarise(audit: FileAudit): TypeSummary[] {
  const byType = new Map<string, ClaimRecord[]>();
  for (const c of audit.claims) byType.set(c.type, [...(byType.get(c.type) ?? []), c]);
  return [...byType]
    .map(([type, rows]) => ({
      type,
      title: audit.typeTitles[type] ?? type,
      rows: [...rows].sort((a, b) => b.risk - a.risk || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
      meanRisk: rows.reduce((n, r) => n + r.risk, 0) / rows.length,
      floor: rows[0].floor,
    }))
    .sort((a, b) => Math.max(...b.rows.map((r) => r.risk)) - Math.max(...a.rows.map((r) => r.risk)));
}

/** Risk per claim type (bars) against that type's theoretical floor (a line at its value; none for yes/no claims), the floor's assumed input in the legend. */
function chart(types: TypeSummary[]): string {
  const rowHeight = 26;
  const width = 640;
  // Room for the longest type title ("Arithmetic / derived computation") at 12px.
  const left = 240;
  const scale = (p: number) => left + p * (width - left - 60);
  const assumed = types.some((t) => t.floor.terms.some((term) => term.symbol === 'sr_T' && term.provenance === 'assumption'));
  const bars = types
    .map((t, i) => {
      const y = 24 + i * rowHeight;
      const floor =
        t.floor.status === 'vacuous'
          ? `<text x="${scale(1) + 6}" y="${y + 14}" class="muted">no floor (yes/no)</text>`
          : `<line x1="${scale(t.floor.value)}" x2="${scale(t.floor.value)}" y1="${y - 2}" y2="${y + 20}" class="floor"><title>floor ${pct(t.floor.value)}${t.floor.status === 'zero' ? ' (no statistical floor)' : ''}</title></line>`;
      return `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${escapeHtml(t.title)}</text>
<rect x="${left}" y="${y}" width="${Math.max(1, scale(t.meanRisk) - left)}" height="18" class="bar"><title>mean risk ${pct(t.meanRisk)} over ${t.rows.length} claims</title></rect>
<text x="${scale(t.meanRisk) + 4}" y="${y + 14}">${pct(t.meanRisk)}</text>${floor}`;
    })
    .join('\n');
  return `<svg role="img" aria-label="Mean risk per claim type against its floor" viewBox="0 0 ${width + 120} ${30 + types.length * rowHeight}" width="100%" preserveAspectRatio="xMinYMin meet">
<text x="${left}" y="14" class="muted">mean risk (bar) · floor (line${assumed ? ': if 20% of such facts were seen once in training' : ''})</text>${bars}</svg>`;
}

/** The riskiest claims that are not settled (no error, not verified): what to check first, beyond the squiggles. */
function verifyFirst(claims: readonly ClaimRecord[]): string {
  // One line per sentence: its riskiest claim.
  const seen = new Set<string>();
  const open = claims
    .filter((c) => !c.certain)
    .sort((a, b) => b.risk - a.risk)
    .filter((c) => {
      const key = `${c.range.start.line}:${c.range.start.character}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 5);
  if (open.length === 0) return '';
  return `<h2>Verify first</h2>
<ol class="verify">${open.map((c) => `<li><a href="#" data-line="${c.range.start.line}" data-character="${c.range.start.character}">${c.range.start.line + 1}:${c.range.start.character + 1}</a> ${pct(c.risk)} — ${escapeHtml(c.text)}</li>`).join('\n')}</ol>`;
}

/**
 * The audit report page. Strict CSP with a nonce, no remote resources, and every string from the
 * document escaped; rows post a message to reveal their location.
 */
export function reportHtml(audit: FileAudit, nonce: string, cspSource: string): string {
  const types = summarise(audit);
  const count = (s: ClaimRecord['severity']) => audit.claims.filter((c) => c.severity === s).length;
  const sections = types
    .map(
      (t) => `<section><h2>${escapeHtml(t.title)} <span class="muted">(${t.rows.length})</span></h2>
<p class="muted">${escapeHtml(t.floor.summary)}</p>
<table><thead><tr><th>Risk</th><th>Where</th><th>Claim</th><th>Finding</th></tr></thead><tbody>
${t.rows
  .map(
    (r) => `<tr class="${r.severity}"><td>${r.certain ? (r.risk === 1 ? '✗' : '✓') : pct(r.risk)}</td>
<td><a href="#" data-line="${r.range.start.line}" data-character="${r.range.start.character}">${r.range.start.line + 1}:${r.range.start.character + 1}</a></td>
<td>${escapeHtml(r.text)}</td><td>${escapeHtml(r.message)}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${cspSource} data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>ClaimFloor audit</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1.5em 2em; }
.muted { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
.cards { display: flex; gap: 1em; margin: 1em 0; }
.card { border: 1px solid var(--vscode-panel-border); border-radius: 6px; padding: 0.6em 1em; min-width: 7em; }
.card b { display: block; font-size: 1.6em; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5em; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
tr.error td:first-child { color: var(--vscode-errorForeground); font-weight: bold; }
tr.warning td:first-child { color: var(--vscode-editorWarning-foreground); font-weight: bold; }
svg { max-width: 760px; }
svg text { fill: var(--vscode-foreground); font-size: 12px; }
svg .bar { fill: var(--vscode-charts-orange, #d18616); }
svg .floor { stroke: var(--vscode-charts-blue, #3794ff); stroke-width: 3; }
button { margin-right: 0.5em; }
</style></head>
<body>
<h1>ClaimFloor audit <span class="muted">${escapeHtml(audit.path)}</span></h1>
<div class="cards">
<div class="card"><b>${audit.claims.length}</b>claims</div>
<div class="card"><b>${count('error')}</b>certainly wrong</div>
<div class="card"><b>${count('warning')}</b>below your confidence target</div>
<div class="card"><b>${audit.stats.suppressedClaims}</b>suppressed</div>
</div>
<p><button id="export-json">Export JSON</button><button id="export-sarif">Export SARIF</button>
<span class="muted">${escapeHtml(audit.model.startsWith("rules only") ? `Scored without a model (${audit.model})` : `Scored with ${audit.model}`)}. Risks are estimates; floors are about the claim type, not your sentence.</span></p>
${types.length > 0 ? chart(types) : '<p>No claims found.</p>'}
${verifyFirst(audit.claims)}
${audit.notices.map((n) => `<p class="muted">${escapeHtml(n.severity)}: ${escapeHtml(n.message)}</p>`).join('\n')}
${sections}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const a of document.querySelectorAll('a[data-line]')) a.addEventListener('click', (e) => { e.preventDefault(); vscode.postMessage({ type: 'reveal', line: Number(a.dataset.line), character: Number(a.dataset.character) }); });
document.getElementById('export-json').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'json' }));
document.getElementById('export-sarif').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'sarif' }));
</script>
</body></html>`;
}
