import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeDocument, resolveConfig } from '../../server/src/engine';
import { type CorpusScope, WorkspaceCorpus } from '../../server/src/workspaceIndex/workspaceCorpus';

const config = resolveConfig();
const FACT = 'Grace Hopper was born on 9 December 1906 in New York.';

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'claimfloor-corpus-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const scope = (root: string, extra: Partial<CorpusScope> = {}): CorpusScope => ({ roots: [root], sources: [], ignore: [], limits: config.corpus, maxSentenceChars: 2000, maxDocumentChars: 2_000_000, ...extra });

function count(corpus: WorkspaceCorpus, root: string): number | undefined {
  return analyzeDocument(FACT, config, { corpus: { index: corpus.index, documentId: join(root, 'draft.md') } }).claims[0].corpus?.occurrences?.count;
}

describe('workspace index on disk', () => {
  it('indexes Markdown, text and BibTeX, respects .gitignore and ignore globs, and skips node_modules', async () => {
    const root = workspace({
      'a.md': FACT,
      'notes/b.txt': FACT,
      'refs.bib': '@book{k, title={T}}',
      'build/c.md': FACT,
      'drafts/old.md': FACT,
      'node_modules/pkg/README.md': FACT,
      '.gitignore': 'build/\n',
      'image.png': 'x',
    });
    const corpus = new WorkspaceCorpus(scope(root, { ignore: ['drafts/**'], ignoreBase: root }));
    const stats = await corpus.build();
    assert.deepEqual(corpus.index.ids().map((id) => id.slice(root.length + 1)).sort(), ['a.md', 'notes/b.txt', 'refs.bib']);
    assert.equal(stats.indexed, 3);
    assert.equal(count(corpus, root), 2);
  });

  it('follows renames and deletions', async () => {
    const root = workspace({ 'a.md': FACT, 'b.md': FACT });
    const corpus = new WorkspaceCorpus(scope(root));
    await corpus.build();
    assert.equal(count(corpus, root), 2);
    renameSync(join(root, 'b.md'), join(root, 'c.md'));
    corpus.update([
      { path: join(root, 'b.md'), deleted: true },
      { path: join(root, 'c.md'), deleted: false },
    ]);
    assert.equal(count(corpus, root), 2);
    assert.ok(!corpus.index.get(join(root, 'b.md')) && corpus.index.get(join(root, 'c.md')));
    rmSync(join(root, 'a.md'));
    corpus.update([{ path: join(root, 'a.md'), deleted: true }]);
    assert.equal(count(corpus, root), 1);
    writeFileSync(join(root, 'c.md'), 'Nothing about her here.');
    corpus.update([{ path: join(root, 'c.md'), deleted: false }]);
    assert.equal(count(corpus, root), 0);
  });

  it('persists between sessions, reads only changed files again, and rebuilds from a corrupt copy', async () => {
    const root = workspace({ 'a.md': FACT, 'b.md': 'Other text.', 'c.md': FACT });
    const storage = join(root, '.storage', 'cache');
    const first = await new WorkspaceCorpus(scope(root), storage).build();
    assert.equal(first.indexed, 3);
    writeFileSync(join(root, 'b.md'), FACT);
    rmSync(join(root, 'c.md'));
    const reopened = new WorkspaceCorpus(scope(root), storage);
    const second = await reopened.build();
    assert.deepEqual({ indexed: second.indexed, reused: second.reused, removed: second.removed }, { indexed: 1, reused: 1, removed: 1 });
    assert.equal(count(reopened, root), 2);

    // Damage every stored byte of the index: the store's integrity check must catch it.
    for (const file of readdirSync(join(storage, 'content-v2'), { recursive: true, withFileTypes: true }).filter((f) => f.isFile())) {
      const path = join(file.parentPath, file.name);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/[0-9]/g, '7'));
    }
    const messages: string[] = [];
    const rebuilt = new WorkspaceCorpus(scope(root), storage, (m) => messages.push(m));
    assert.equal((await rebuilt.build()).indexed, 2);
    assert.match(messages.join('\n'), /discarded an unreadable workspace index/);
    assert.equal(count(rebuilt, root), 2);
  });

  it('announces files over the memory bounds instead of indexing them', async () => {
    const root = workspace({ 'a.md': FACT, 'b.md': FACT, 'c.md': FACT });
    const corpus = new WorkspaceCorpus(scope(root, { limits: { maxFiles: 2, maxChars: 1e6 } }));
    const stats = await corpus.build();
    assert.equal(corpus.index.size, 2);
    assert.equal(stats.skipped, 1);
  });

  it('declared source folders are indexed as sources even outside the roots', async () => {
    const root = workspace({ 'a.md': 'Draft.' });
    const sources = workspace({ 'hopper.txt': 'Grace Hopper (December 9, 1906 – January 1, 1992) was an American computer scientist.' });
    const corpus = new WorkspaceCorpus(scope(root, { sources: [sources] }));
    await corpus.build();
    const [claim] = analyzeDocument('Grace Hopper was born on 9 December 1907.', config, { corpus: { index: corpus.index, documentId: join(root, 'draft.md') } }).claims;
    assert.equal(claim.corpus?.grounding.status, 'contradicted');
    assert.equal(claim.corpus?.grounding.conflict?.stated, 'December 9, 1906');
  });

  it('confined to the workspace: a ".." source and a symbolic link out of it are not read, and the log says so; a folder the user declared is', async () => {
    const outside = workspace({ 'hopper.txt': 'Grace Hopper (December 9, 1906 – January 1, 1992) was an American computer scientist.' });
    const root = workspace({ 'a.md': 'Draft.' });
    symlinkSync(join(outside, 'hopper.txt'), join(root, 'linked.md'));
    const messages: string[] = [];
    const confined = new WorkspaceCorpus(scope(root, { sources: [join(root, '..', outside.split('/').pop()!)], confineTo: [root] }), undefined, (m) => messages.push(m));
    await confined.build();
    assert.deepEqual(confined.index.ids().map((id) => id.split('/').pop()), ['a.md']);
    // The link is not even walked into; the ".." source is listed and refused.
    assert.match(messages.join("\n"), /1 file outside the workspace \(reached through "\.\.", an absolute path or a symbolic link\) was not indexed\. Sources outside the workspace can only be declared by you: the user setting claimFloor\.sources/);
    const [claim] = analyzeDocument('Grace Hopper was born on 9 December 1907.', config, { corpus: { index: confined.index, documentId: join(root, 'draft.md') } }).claims;
    assert.equal(claim.corpus?.grounding.status, 'no-sources');
    const declared = new WorkspaceCorpus(scope(root, { sources: [outside], confineTo: [root, outside] }));
    await declared.build();
    const [checked] = analyzeDocument('Grace Hopper was born on 9 December 1907.', config, { corpus: { index: declared.index, documentId: join(root, 'draft.md') } }).claims;
    assert.equal(checked.corpus?.grounding.status, 'contradicted');
  });

  it('indexes a file only up to limits.maxChars and says so', async () => {
    const root = workspace({ 'long.md': `${'Filler words here. '.repeat(20)}\n\n${FACT}\n`, 'short.md': 'Draft.' });
    const messages: string[] = [];
    const corpus = new WorkspaceCorpus(scope(root, { maxDocumentChars: 100 }), undefined, (m) => messages.push(m));
    await corpus.build();
    assert.match(messages.join('\n'), /1 file is longer than limits\.maxChars \(100 characters\); only that much of it is indexed/);
    assert.equal(count(corpus, root), 0, 'the fact after the cap is not counted');
    const whole = new WorkspaceCorpus(scope(root));
    await whole.build();
    assert.equal(count(whole, root), 1);
  });
});
