#!/usr/bin/env bash
# The extension in a real VS Code (code-server + headless Chromium), as a person and as the
# @vscode/test-electron suite would use it. Installs what it needs (idempotent), then:
#  1. UI check on the packaged VSIX, installed as a user would: open a draft, wait for squiggles, hover one (floor shown), run "Audit Claims"
#     from the Command Palette, see the notification and the report; screenshots in out/e2e-ui.
#  2. The Mocha integration suite inside the real extension host (out/e2e-tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run package
bash scripts/e2e/install.sh
# The recipe's quiet workbench settings, plus: the test workspace sits inside this repository, so
# keep VS Code from offering to open it.
export E2E_SETTINGS_JSON="$PWD/scripts/e2e/settings.json"
bash scripts/e2e/run-ui-check.sh --ext . --vsix out/claimfloor.vsix --workspace test/e2e/workspace --file draft.md \
  --squiggle error --hover-text 'Theoretical floor' \
  --command 'ClaimFloor: Audit Claims in Current File' \
  --expect-notification 'ClaimFloor audit:' --expect-report 'certainly wrong' \
  --out out/e2e-ui
bash scripts/e2e/run-ext-tests.sh --ext . --tests out/e2e/index.js --workspace test/e2e/workspace --out out/e2e-tests
