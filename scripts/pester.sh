#!/usr/bin/env bash
# Runs the PowerShell tests (test/pester) with the pinned pwsh and Pester, against the module as
# built (dist/PrtTools; PRTTOOLS_MODULE overrides). Arguments: test files or folders to run
# instead of all of test/pester. Exit code: the number of failures (capped at 255).
# Ends with the line `Pester: N passed, N failed[, N skipped]`; with PESTER_SUMMARY_FILE set,
# also writes the counts there as JSON (scripts/test.sh sums the suites).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=tools.env
source "$root/scripts/tools.env"

if [ ! -x "$PWSH" ] || [ ! -f "$PESTER_MODULE_DIR/tools/Pester.psd1" ]; then
  echo "pester: pwsh or Pester is missing: run scripts/bootstrap.sh" >&2
  exit 1
fi
if [ -z "${PRTTOOLS_MODULE:-}" ] && [ ! -f "$root/dist/PrtTools/PrtTools.psd1" ]; then
  echo "pester: $root/dist/PrtTools/PrtTools.psd1 does not exist: run \`npm run build\` first" >&2
  exit 1
fi

# PowerShell single quotes: a quote inside is doubled.
ps_quote() { printf "'%s'" "${1//\'/\'\'}"; }
paths=""
for arg in "$@"; do
  full=$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")
  paths+="${paths:+,}$(ps_quote "$full")"
done
command="& $(ps_quote "$root/test/pester/run.ps1")"
[ -n "$paths" ] && command+=" -Path $paths"
command+="; exit \$LASTEXITCODE"

cd "$root"
export PESTER_MODULE_DIR
exec "$PWSH" -NoProfile -NonInteractive -Command "$command"
