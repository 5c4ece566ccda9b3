// Bundles each entry point into one CommonJS file: the VS Code convention (small VSIX, fast
// activation), and what lets ESM-only dependencies (tinyglobby's fdir) load in the extension host.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildGazetteer } from './buildGazetteer.mjs';

rmSync('dist', { recursive: true, force: true });
rmSync('out', { recursive: true, force: true });
buildGazetteer('dist/gazetteer.json');

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'dist/server.js' },
  // The language server's analysis (engine, workspace index, model client) runs here, off the thread that answers the editor.
  { in: 'server/src/service/worker/analysisWorker.ts', out: 'dist/analysisWorker.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js' },
  // The model runs here, off the server's thread; transformers.js is bundled, the ONNX runtime's
  // native binding is loaded from node_modules.
  { in: 'server/src/modelRuntime/worker/scoringWorker.ts', out: 'dist/scoringWorker.js' },
  // The extension-host test suite (run in a real VS Code by scripts/e2e/run-ext-tests.sh).
  { in: 'test/e2e/suite/index.ts', out: 'out/e2e/index.js' },
  { in: 'test/e2e/suite/claimfloor.test.ts', out: 'out/e2e/claimfloor.test.js' },
  { in: 'test/e2e/runTest.ts', out: 'out/e2e/runTest.js' },
];

await Promise.all(
  entries.map((e) =>
    build({
      entryPoints: [e.in],
      outfile: e.out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
      mainFields: ['module', 'main'],
      sourcemap: true,
      // ESM dependencies (fdir) read import.meta.url, which a CommonJS bundle must supply.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: [e.banner, "const importMetaUrl = require('url').pathToFileURL(__filename).href;"].filter(Boolean).join('\n') },
      // `vscode` is the extension host's own module; mocha is loaded from node_modules by the test entry. markdown-it-texmath requires KaTeX only to
      // render, which ClaimFloor never does.
      external: ['katex', 'vscode', 'mocha', '@vscode/test-electron', 'onnxruntime-node', 'onnxruntime-common'],
      alias: { sharp: './server/src/modelRuntime/worker/noImageSupport.ts' },
      logLevel: 'warning',
    }),
  ),
);
