// Bundles each entry point into one CommonJS file: the VS Code convention (small VSIX, fast
// activation) and the reason ESM-only dependencies (micromark, mdast) work in the extension host.
import { build } from 'esbuild';

const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
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
      sourcemap: true,
      minify: process.argv.includes('--minify'),
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
    }),
  ),
);
