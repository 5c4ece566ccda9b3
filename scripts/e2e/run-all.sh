#!/usr/bin/env bash
# The extension in a real VS Code (code-server + headless Chromium), as a person and as the
# @vscode/test-electron suite would use it. Installs what it needs (idempotent), then:
#  1. UI check on the packaged VSIX, installed as a user would: open a draft, wait for squiggles, hover one (the short card: verdict, why, what to do, floor), run "Audit Claims"
#     from the Command Palette, see the notification and the report; screenshots in out/e2e-ui.
#  2. The Mocha integration suite inside the real extension host (out/e2e-tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run package
bash scripts/e2e/install.sh
# The recipe's quiet workbench settings, plus: no offer to open a git repository.
export E2E_SETTINGS_JSON="$PWD/scripts/e2e/settings.json"
# Each run works on copies, so quick fixes and saves never touch the repository's test workspace.
copies=$(mktemp -d)
trap 'rm -rf "$copies"' EXIT
cp -r test/e2e/workspace "$copies/suite"
cp -r test/e2e/workspace "$copies/ui"
# Hostile text in claims and in the file's name: it must reach the report as text and run nothing
# (the UI check looks).
hostile='draft <img src=x onerror=document.body.dataset.pwned=1>.md'
cat test/e2e/workspace/draft.md test/e2e/xss-payloads.md > "$copies/ui/$hostile"
rm "$copies/ui/draft.md"
bash scripts/e2e/run-ui-check.sh --ext . --vsix out/claimfloor.vsix --workspace "$copies/ui" --file "$hostile" \
  --squiggle error --hover-text 'What to do' \
  --command 'ClaimFloor: Audit Claims in Current File' \
  --expect-notification 'ClaimFloor audit:' --expect-report 'certainly wrong' --expect-inert 'onerror=' \
  --out out/e2e-ui
bash scripts/e2e/run-ext-tests.sh --ext . --tests out/e2e/index.js --workspace "$copies/suite" --out out/e2e-tests
