// The long fuzzing campaign (issue 7): random Markdown and random edit sequences through the
// engine and through the real language server, with the invariants of test/helpers/fuzz. Prints
// the seed (rerun a failure with --seed), the counts and the worst latency seen.
//
//   npm run fuzz -- [--engine 100000] [--lsp 100000] [--seed N]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fuzzEngine } from '../test/helpers/fuzz/engineFuzz';
import { fuzzLanguageServer } from '../test/helpers/fuzz/lspFuzz';
import { IMMEDIATE_RULES_ONLY, Session } from '../test/helpers/lspSession';

const { values: args } = parseArgs({ options: { engine: { type: 'string', default: '100000' }, lsp: { type: 'string', default: '100000' }, seed: { type: 'string' } } });
const seed = args.seed ? Number(args.seed) : Math.floor(Math.random() * 2 ** 31);
/** Cases per fast-check run: a failure is shrunk and reported without losing the counts so far. */
const BATCH = 5000;

async function main(): Promise<void> {
  console.log(`seed ${seed}`);
  let started = performance.now();
  let engine = { cases: 0, edits: 0 };
  for (let done = 0, batch = 0; done < Number(args.engine); done += BATCH, batch++) {
    const r = fuzzEngine(Math.min(BATCH, Number(args.engine) - done), seed + batch);
    engine = { cases: engine.cases + r.cases, edits: engine.edits + r.edits };
  }
  console.log(`engine: ${engine.cases.toLocaleString('en-US')} documents, ${engine.edits.toLocaleString('en-US')} edits, all invariants held (${((performance.now() - started) / 1000).toFixed(0)} s)`);

  const root = mkdtempSync(join(tmpdir(), 'claimfloor-fuzz-'));
  const session = new Session();
  session.settings = IMMEDIATE_RULES_ONLY;
  await session.start(root);
  started = performance.now();
  const lsp = { cases: 0, edits: 0, worstMs: 0 };
  try {
    for (let done = 0, batch = 0; done < Number(args.lsp); done += BATCH, batch++) {
      const r = await fuzzLanguageServer(session, root, Math.min(BATCH, Number(args.lsp) - done), seed + batch);
      lsp.cases += r.cases;
      lsp.edits += r.edits;
      lsp.worstMs = Math.max(lsp.worstMs, r.worstMs);
    }
  } finally {
    session.stop();
  }
  console.log(
    `language server: ${lsp.cases.toLocaleString('en-US')} documents, ${lsp.edits.toLocaleString('en-US')} didChange edits, all invariants held; slowest diagnostics ${lsp.worstMs.toFixed(0)} ms (bound 2,000 ms) (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
