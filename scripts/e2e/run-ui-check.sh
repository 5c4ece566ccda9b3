#!/usr/bin/env bash
# scripts/e2e/ (adapted from the vscode-e2e recipe): run-ui-check.sh — start code-server (127.0.0.1 only), load an extension, check
# in the real VS Code UI that a file gets squiggles, a hover card and a working
# Command Palette command, save screenshots, stop the server. Exit 0 = all checks passed.
#
# usage: run-demo.sh --ext EXT_DIR --workspace WORKSPACE_DIR --file REL_PATH [--dev] [--out DIR]
#                    [ui-check.mjs options: --squiggle K --hover-text T --command TITLE
#                     --expect-notification T --timeout SECONDS]
#
#   EXT_DIR     built extension folder (package.json + compiled main + runtime node_modules)
#   --vsix FILE install this packaged extension instead of linking EXT_DIR
#   --dev       load EXT_DIR as extensionDevelopmentPath (like F5) instead of installing it
#               into a fresh extensions dir; notifications then go to the Notification Center
#   --out DIR   screenshots, result.json, browser + server logs  [./vscode-e2e-out/ui]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EXT='' WS='' FILE='' OUT=./vscode-e2e-out/ui DEV=0 VSIX='' PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ext) EXT=$2; shift 2 ;;
    --workspace) WS=$2; shift 2 ;;
    --file) FILE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --dev) DEV=1; shift ;;
    --vsix) VSIX=$2; shift 2 ;;
    *) PASS+=("$1"); shift ;;
  esac
done
if [ -z "$EXT" ] || [ -z "$WS" ] || [ -z "$FILE" ]; then sed -n '2,13p' "$0"; exit 2; fi
EXT=$(realpath -e "$EXT"); WS=$(realpath -e "$WS")
[ -f "$EXT/package.json" ] || { e2e_log "$EXT has no package.json"; exit 2; }
[ -f "$WS/$FILE" ] || { e2e_log "$WS/$FILE does not exist"; exit 2; }
mkdir -p "$OUT"; OUT=$(realpath -e "$OUT")
WORK="$OUT/server"; rm -rf "$WORK"; mkdir -p "$WORK/extensions"

server_flags=() ui_flags=()
if [ -n "$VSIX" ]; then
  # Install the packaged VSIX the way a user would, into the fresh extensions dir.
  "$NODE24" "$CODE_SERVER_DIR/out/node/entry.js" --extensions-dir "$WORK/extensions" --user-data-dir "$WORK/user-data" \
    --install-extension "$(realpath -e "$VSIX")" >&2
elif [ "$DEV" = 1 ]; then
  server_flags+=(--vscode-option enable-smoke-test-driver)
  ui_flags+=(--dev-extension "$EXT")
else
  # "Install" = put the folder where VS Code keeps extensions, named publisher.name-version.
  # A symlink is enough: on first start code-server registers every folder it finds
  # there in extensions.json (no VSIX packaging needed).
  id=$("$E2E_NODE" -p "const p=require('$EXT/package.json'); p.publisher + '.' + p.name + '-' + p.version")
  ln -s "$EXT" "$WORK/extensions/$id"
fi

trap e2e_stop_code_server EXIT
trap 'exit 130' INT TERM
T0=$(e2e_now)
e2e_start_code_server "$WORK" "$WS" "${server_flags[@]}"
rc=0
"$E2E_NODE" "$E2E_DIR/ui-check.mjs" --url "$CS_URL" --workspace "$WS" --file "$FILE" --out "$OUT" \
  "${ui_flags[@]}" "${PASS[@]}" || rc=$?
e2e_stop_code_server
e2e_log "run-demo finished in $(e2e_since "$T0")s with exit code $rc"
exit $rc
