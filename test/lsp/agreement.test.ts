import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidOpenTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { type AuditSummary, Methods } from '../../protocol/claimFloorProtocol';
import { audit } from '../../server/src/cli/audit';
import type { ClaimDiagnosticData } from '../../server/src/lsp/diagnostics';
import { Session, until } from '../helpers/lspSession';

/** A literature review with a sources folder: the case where the workspace audit used to lose the source's errors. */
const FILES: Record<string, string> = {
  '.claimfloor.json': '{ "sources": ["sources"] }\n',
  'sources/lewis.md': 'Lewis et al. published their retrieval-augmented generation paper in 2020.\n\nGrace Hopper (9 December 1906 – 1 January 1992) was an American computer scientist.\n',
  'review.md': '# Review\n\nLewis et al. (2021) introduced retrieval-augmented generation.\n\nGrace Hopper was born on 9 December 1907 in New York City.\n',
  'notes/other.md': 'The meeting was held on 31 February 2020.\n\nThe bridge carried 42,000 cars a day in 1937.\n',
};

type Verdicts = Map<string, string[]>;

/** Per file (relative path): "claim id severity" for every claim, sorted. */
const key = (id: string, severity: string | number) => `${id} ${severity}`;
const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

function fromDiagnostics(root: string, published: Map<string, PublishDiagnosticsParams[]>): Verdicts {
  const verdicts: Verdicts = new Map();
  for (const [uri, rounds] of published) {
    const last = rounds.at(-1)!;
    const claims = last.diagnostics.filter((d) => d.data).map((d) => key((d.data as ClaimDiagnosticData).claimId, SEVERITY_NAMES[d.severity ?? 0]));
    verdicts.set(URI.parse(uri).fsPath.slice(root.length + 1), claims.sort());
  }
  return verdicts;
}

describe('one service: the CLI, the workspace audit and opened documents agree', () => {
  let root: string;
  let cli: Verdicts;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'claimfloor-agree-'));
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const outcome = await audit({ paths: ['.'], cwd: root, progress: false, minRisk: 0, corpus: { sources: [] }, distDir: resolve('dist'), log: () => undefined });
    cli = new Map(outcome.results.map((r) => [r.path.replace(/^\.\//, ''), (r.analysis?.claims ?? []).map((c) => key(c.id, c.severity)).sort()]));
  });

  it('the CLI sees the source’s contradiction as an error (the case that regressed)', () => {
    const review = cli.get('review.md');
    assert.ok(review && review.some((v) => v.endsWith(' error')), JSON.stringify(review));
  });

  let session: Session;
  after(() => session?.stop());

  it('“Audit Claims in Workspace” publishes exactly what `claimfloor audit .` finds, source errors included', async () => {
    session = new Session();
    session.settings = { run: 'manual', model: { enabled: false } };
    await session.start(root);
    // The index is built in the background; the audit is what a writer runs once it is.
    await until(() => session.notifications.find((n) => n.method === Methods.indexState));
    const summary = await session.connection.sendRequest<AuditSummary>(Methods.auditWorkspace, {});
    assert.equal(summary.files, cli.size);
    assert.deepEqual(fromDiagnostics(root, session.diagnostics), cli);
  });

  it('opening each file gives the same claims and severities as both', async () => {
    session.diagnostics.clear();
    session.settings = { run: 'onType', debounceMs: 0, model: { enabled: false } };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    for (const path of cli.keys()) {
      const uri = URI.file(join(root, path)).toString();
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(join(root, path), 'utf8') } });
      await session.diagnosticsFor(uri);
    }
    assert.deepEqual(fromDiagnostics(root, session.diagnostics), cli);
  });
});

it('--sources given relative to the audit’s folder are read from there, wherever the process runs', async () => {
  const root = mkdtempSync(join(tmpdir(), 'claimfloor-relative-'));
  mkdirSync(join(root, 'refs'));
  writeFileSync(join(root, 'refs', 'curie.txt'), 'Marie Curie (7 November 1867 – 4 July 1934) was a Polish physicist.\n');
  writeFileSync(join(root, 'draft.md'), 'Marie Curie was born on 7 November 1868.\n');
  const outcome = await audit({ paths: ['draft.md'], cwd: root, progress: false, minRisk: 0, corpus: { sources: ['refs'] }, distDir: resolve('dist'), log: () => undefined });
  assert.notEqual(process.cwd(), root);
  assert.equal(outcome.results[0].analysis?.claims[0].corpus?.grounding.status, 'contradicted');
});
