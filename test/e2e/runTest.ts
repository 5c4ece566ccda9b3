// Runs the extension-host suite in desktop VS Code with @vscode/test-electron, on a machine that can
// download VS Code (`npm run test:desktop`). CI cannot, so it runs the very same compiled suite
// (out/e2e/index.js) inside code-server instead: scripts/e2e/run-ext-tests.sh.
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'e2e', 'index.js'),
      launchArgs: [path.join(root, 'test', 'e2e', 'workspace'), '--disable-extensions'],
    });
  } catch (error) {
    console.error('Extension tests failed:', error);
    process.exit(1);
  }
}

void main();
