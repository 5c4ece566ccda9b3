#!/usr/bin/env bash
# scripts/e2e/ (adapted from the vscode-e2e recipe): run-ext-tests.sh — run an extension's integration test suite (the same module
# @vscode/test-electron takes as extensionTestsPath) inside code-server's Node extension
# host, headless, and exit with its result. Mocha output is echoed with a "  | " prefix.
#
# usage: run-ext-tests.sh --ext EXT_DIR --tests TESTS_MODULE [--workspace DIR] [--out DIR]
#                         [--env '{"VAR":"value"}'] [--timeout SECONDS] [--verbose]
#
#   EXT_DIR       extension folder (loaded as extensionDevelopmentPath)
#   TESTS_MODULE  compiled test entry, e.g. EXT_DIR/out/test/index.js (exports run())
#   --workspace   folder to open (vscode.workspace.workspaceFolders[0]); default: empty window
#   --env         extra environment for the extension host, as a JSON object
#   --out         browser console, VS Code logs, server logs  [./vscode-e2e-out/tests]
#   --verbose     also echo the workbench's own start-up log lines
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EXT='' TESTS='' WS='' OUT=./vscode-e2e-out/tests PASS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --ext) EXT=$2; shift 2 ;;
    --tests) TESTS=$2; shift 2 ;;
    --workspace) WS=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) PASS+=("$1"); shift ;;
  esac
done
if [ -z "$EXT" ] || [ -z "$TESTS" ]; then sed -n '2,14p' "$0"; exit 2; fi
EXT=$(realpath -e "$EXT"); TESTS=$(realpath -e "$TESTS")
ws_flags=(); [ -z "$WS" ] || ws_flags=(--workspace "$(realpath -e "$WS")")
mkdir -p "$OUT"; OUT=$(realpath -e "$OUT")
WORK="$OUT/server"; rm -rf "$WORK"

trap e2e_stop_code_server EXIT
trap 'exit 130' INT TERM
T0=$(e2e_now)
# enable-smoke-test-driver makes the (built) web workbench honour extensionDevelopmentPath /
# extensionTestsPath from its URL payload; without it they are silently ignored.
e2e_start_code_server "$WORK" "${WS:-$WORK}" --vscode-option enable-smoke-test-driver
rc=0
"$E2E_NODE" "$E2E_DIR/ext-tests.mjs" --url "$CS_URL" --ext "$EXT" --tests "$TESTS" --out "$OUT" \
  "${ws_flags[@]}" "${PASS[@]}" || rc=$?
e2e_stop_code_server
e2e_log "run-ext-tests finished in $(e2e_since "$T0")s with exit code $rc"
exit $rc
