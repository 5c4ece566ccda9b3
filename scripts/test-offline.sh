#!/usr/bin/env bash
# Runs the test suite (after `npm run build`) in a new network namespace that has only loopback:
# nothing can reach another machine, so a suite that passes here made no request outside (issue 7:
# the only network use ever allowed is an explicit model download). Needs root, as CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v ip > /dev/null || { apt-get update -qq && apt-get install -y -qq iproute2; }
exec unshare --net bash -c '
  set -euo pipefail
  ip link set lo up
  others=$(ip -o link show | grep -vc ": lo:" || true)
  routes=$(ip route show | wc -l)
  if [ "$others" != 0 ] || [ "$routes" != 0 ]; then echo "test-offline: the namespace is not isolated" >&2; exit 1; fi
  echo "test-offline: network namespace with loopback only and no route out"
  npm run --silent test:node
'
