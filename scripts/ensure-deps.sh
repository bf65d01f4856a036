#!/usr/bin/env bash
# Installs the npm dependencies when node_modules is missing or was installed from another lock
# file, so the README's two commands work on a fresh clone without a separate install step.
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.prt-lock-sha256
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "deps: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
  echo "$want" >"$stamp"
fi
