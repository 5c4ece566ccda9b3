// Runs the product on a labelled dev set as a writer's workspace: each document a draft in
// drafts/, the chosen reference material in sources/, audited through the CLI's own path (the
// analysis service: rules, workspace rarity, grounding, the model when given).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AssessedClaim } from '../../server/src/engine';
import { audit } from '../../server/src/cli/audit';
import type { EvalDocument } from './evalData';

/** Which reference material stands for the writer's sources: none, WikiBio's articles, Factcheck-GPT's retrieved or human evidence. */
export type SourceChoice = 'none' | 'reference' | 'auto' | 'human';

export interface ProductRun {
  documents: EvalDocument[];
  /** Claims per document id, in document order. */
  claims: Map<string, AssessedClaim[]>;
  seconds: number;
}

const fileName = (d: EvalDocument) => `${d.id.replace(/[^\w.-]/g, '_')}.md`;

export async function runProduct(documents: EvalDocument[], choice: SourceChoice, options: { model?: string } = {}): Promise<ProductRun> {
  const root = mkdtempSync(join(tmpdir(), `claimfloor-eval-${documents[0]?.dataset ?? 'x'}-`));
  try {
    mkdirSync(join(root, 'drafts'));
    for (const d of documents) writeFileSync(join(root, 'drafts', fileName(d)), `${d.text}\n`);
    const sources: string[] = [];
    if (choice !== 'none') {
      mkdirSync(join(root, 'sources'));
      documents.forEach((d) => {
        const passages = d.sources[choice] ?? [];
        if (passages.length > 0) writeFileSync(join(root, 'sources', `${fileName(d).replace(/\.md$/, '')}.txt`), `${passages.join('\n\n')}\n`);
      });
      sources.push(join(root, 'sources'));
    }
    const started = performance.now();
    const outcome = await audit({
      paths: ['drafts'],
      cwd: root,
      progress: false,
      minRisk: 0,
      corpus: { sources },
      model: options.model ? { path: resolve(options.model), allowDownload: false, cacheDir: join(root, '.cache') } : undefined,
      distDir: resolve('dist'),
      log: () => undefined,
    });
    if (options.model && !outcome.model.used) throw new Error(`the model did not load: ${outcome.model.reason}`);
    const byFile = new Map(documents.map((d) => [`drafts/${fileName(d)}`, d.id]));
    const claims = new Map<string, AssessedClaim[]>();
    for (const r of outcome.results) {
      if (!r.analysis) throw new Error(`${r.path}: ${r.error}`);
      claims.set(byFile.get(r.path)!, r.analysis.claims);
    }
    return { documents, claims, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
