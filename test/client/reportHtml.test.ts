import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { ClaimRecord, FileAudit } from '../../protocol/claimFloorProtocol';
import { reportHtml } from '../../client/src/auditReport/reportHtml';

const row = (over: Partial<ClaimRecord>): ClaimRecord => ({
  id: 'x',
  penalty: 3,
  subject: null,
  slots: [],
  checks: [],
  answerSpace: { size: 100, basis: 'year', provenance: 'assumption' },
  evidence: [],
  verified: null,
  model: { used: false },
  occurrences: null,
  singletonStatus: 'unmeasured',
  groundingStatus: 'no-sources',
  evidenceLocations: [],
  corpus: null,
  type: 'event-date',
  severity: 'warning',
  message: 'msg',
  risk: 0.5,
  certain: false,
  flagged: true,
  threshold: 0.75,
  range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } },
  text: 'text',
  floor: { status: 'computed', value: 0.195, offset: 0.0055, summary: 'Every 10% …', governingBound: 'KNVZ Theorem 2', formula: 'sr − 2/|E|', terms: [{ symbol: 'sr_T', value: 0.2, provenance: 'assumption', note: 'the illustration' }], capacity: null },
  ...over,
});

const audit: FileAudit = {
  uri: 'file:///d.md',
  path: '/d.md',
  stats: { characters: 1, sentences: 3, nonClaimSentences: 0, suppressedClaims: 1 },
  notices: [],
  typeTitles: { 'event-date': 'Date of a specific event', definition: 'Definition / common knowledge' },
  sarif: '{}',
  model: 'rules only: no model',
  claims: [
    row({ id: 'a', risk: 0.3, text: 'Low <script>alert(1)</script>' }),
    row({ id: 'b', risk: 1, certain: true, severity: 'error', text: 'Held on 31 April' }),
    row({ id: 'c', type: 'definition', risk: 0, severity: 'hint', floor: { status: 'zero', value: 0, offset: null, summary: 'Floor ≈ 0.', governingBound: 'K&V 2024', formula: 'floor ≈ 0', terms: [], capacity: null } }),
  ],
};

it('the audit report has a strict CSP, escapes the draft, groups by type and sorts by risk', () => {
  const html = reportHtml(audit, 'NONCE123', 'vscode-resource:');
  assert.match(html, /default-src 'none'; img-src vscode-resource: data:; style-src 'nonce-NONCE123'; script-src 'nonce-NONCE123';/);
  assert.equal((html.match(/<script/g) ?? []).length, 1, 'only our own nonce-tagged script');
  assert.match(html, /Low &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(html, /https?:\/\//, 'no remote resources');
  const dates = html.indexOf('<h2>Date of a specific event');
  assert.ok(dates >= 0 && dates < html.indexOf('<h2>Definition'), 'the riskiest type comes first');
  assert.ok(html.indexOf('Held on 31 April', dates) < html.indexOf('Low &lt;script', dates), 'rows are sorted by risk');
  assert.match(html, /data-line="2" data-character="4">3:5</);
  assert.match(html, /<title>floor 20%<\/title><\/line>/, 'the floor is drawn where it has a value');
  assert.match(html, /if 20% of such facts were seen once in training/, 'the legend names the assumption');
  assert.equal((html.match(/data-line="2" data-character="4">3:5<\/a> /g) ?? []).length, 1, 'one line per sentence in the list');
  assert.match(html, /<h2>Verify first<\/h2>\n<ol class="verify"><li><a href="#" data-line="2" data-character="4">3:5<\/a> 30% — Low &lt;script&gt;/, 'the riskiest unsettled claims first, escaped');
  assert.match(html, /<b>1<\/b>certainly wrong/);
});
