// Extension-host test entry (the module @vscode/test-electron takes as extensionTestsPath; here
// run by scripts/e2e/run-ext-tests.sh inside code-server's real extension host).
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000 });
  mocha.addFile(path.resolve(__dirname, 'claimfloor.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
