// Copies the ONNX runtime the scoring worker loads at run time into dist/node_modules, for the VSIX
// (vsce packs with --no-dependencies: everything else is bundled). Only this platform's native
// binary is copied, so a VSIX built here is for this platform (vsce --target).
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const target = 'dist/node_modules';
const copy = (pkg, paths) => {
  for (const path of paths) {
    mkdirSync(join(target, pkg), { recursive: true });
    cpSync(join('node_modules', pkg, path), join(target, pkg, path), { recursive: true });
  }
};
copy('onnxruntime-common', ['package.json', 'dist/cjs']);
copy('onnxruntime-node', ['package.json', 'dist', `bin/napi-v6/${process.platform}/${process.arch}`]);
