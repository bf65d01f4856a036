#!/usr/bin/env bash
# Benchmarks (DESIGN §6: performance is measured here and printed, never asserted by tests).
# Builds first if an input changed, then runs each benchmark script below with the exe's own
# runtime (Node 22). Add a benchmark by appending one `bench …` line.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tools.env
source scripts/tools.env

bash scripts/build.sh

status=0
bench() { # bench SCRIPT [ARGS…]: runs one benchmark; a failing one does not hide the others
  echo "== $1" >&2
  "$NODE22" "$@" || { echo "bench: $1 failed" >&2; status=1; }
}

bench scripts/bench/startup.mjs
bench scripts/bench/wine-startup.mjs
bench scripts/bench/events.mjs
bench scripts/bench/aad-heavy.mjs
bench scripts/bench/dashboard.mjs
echo "== scripts/bench/module.ps1" >&2
"$PWSH" -NoProfile -NonInteractive -File scripts/bench/module.ps1 -ModulePath "$PWD/dist/PrtTools/PrtTools.psd1" -Pwsh "$PWSH" ||
  { echo "bench: scripts/bench/module.ps1 failed" >&2; status=1; }

exit $status
