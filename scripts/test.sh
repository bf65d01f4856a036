#!/usr/bin/env bash
# The one test command (README, CI): tools, deps, typecheck, build, then every suite on the
# real executables. Prints one closing line that sums up all suites.
set -euo pipefail
cd "$(dirname "$0")/.."
began=$(date +%s)
# Each stage's start, with the time since the run began: a CI log that ends early shows where.
stage() { echo "== $1 (at $(( $(date +%s) - began )) s)" >&2; }
source scripts/tools.env
bash scripts/bootstrap.sh
bash scripts/ensure-deps.sh
mkdir -p test/.tmp
# A previous run's counts must never stand in for this run's.
rm -f test/.tmp/vitest.json test/.tmp/pester.json test/.tmp/eslint.json

stage "typecheck"
npx tsc -p tsconfig.json

status=0
# The same check as `npm run lint`, its problems kept for the closing line (a lint error fails the run).
stage "lint (ESLint: eslint.config.js)"
npx eslint src test --format json --output-file test/.tmp/eslint.json || status=1

stage "workflow lint"
bash scripts/lint-workflows.sh

stage "build"
bash scripts/build.sh

stage "vitest (Node $NODE22_VERSION, the exe's runtime)"
vitest_exit=0
"$NODE22" node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile.json=test/.tmp/vitest.json || vitest_exit=$?
[ "$vitest_exit" = 0 ] || status=1

stage "pester"
# About 4 minutes; a hang (pwsh, sshd, tmux) must fail this block, not run into CI's own limit.
pester_exit=0
PESTER_SUMMARY_FILE=test/.tmp/pester.json timeout --kill-after=30 1800 bash scripts/pester.sh || pester_exit=$?
[ "$pester_exit" != 124 ] || echo "pester: FAILED: stopped after 30 minutes (the suite takes about 4)" >&2
[ "$pester_exit" = 0 ] || status=1

stage "pester (Windows PowerShell under Wine)"
rm -f test/.tmp/pester-windows.json
PESTER_SUMMARY_FILE=test/.tmp/pester-windows.json bash scripts/pester-windows.sh || status=1

stage "summary"
LINT_RESULTS=test/.tmp/eslint.json VITEST_EXIT_CODE=$vitest_exit node scripts/test-summary.mjs test/.tmp/vitest.json test/.tmp/pester.json test/.tmp/pester-windows.json || status=1
exit $status
