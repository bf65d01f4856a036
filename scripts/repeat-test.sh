#!/usr/bin/env bash
# Runs the watch race tests N times in a row (default 50) and counts the green runs: the vitest
# file test/unit/trace/watch-race.test.ts and the Pester block 'Start-PrtTrace -Wait' of
# test/pester/Trace.Tests.ps1 (it expects AttemptStatus 0xc000006d), against the built module.
# Usage: nice bash scripts/repeat-test.sh [N]   (needs dist/: npm run build)
# Ends with `repeat: G/N green (vitest F failed, pester F failed)`; exit 1 when any run failed.
# Logs of failed runs stay in test/.tmp/repeat/.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=tools.env
source "$root/scripts/tools.env"
cd "$root"
runs=${1:-50}
logs=test/.tmp/repeat
rm -rf "$logs" && mkdir -p "$logs"
[ -f "${PRTTOOLS_MODULE:-dist/PrtTools/PrtTools.psd1}" ] || { echo "repeat: no built module: run npm run build first" >&2; exit 1; }

pester_command="\$ErrorActionPreference = 'Stop'
Import-Module -Name (Join-Path \$env:PESTER_MODULE_DIR 'tools/Pester.psd1') -Force
\$config = New-PesterConfiguration
\$config.Run.Path = '$root/test/pester/Trace.Tests.ps1'
\$config.Run.PassThru = \$true
\$config.Filter.FullName = 'Start-PrtTrace -Wait*'
\$config.Output.Verbosity = 'Normal'
\$config.Output.RenderMode = 'Plaintext'
\$result = Invoke-Pester -Configuration \$config
if (\$null -eq \$result -or \$result.PassedCount -lt 2) { exit 99 }
exit (\$result.FailedCount + \$result.FailedContainersCount)"

export PESTER_MODULE_DIR
green=0 vitest_failed=0 pester_failed=0
for i in $(seq 1 "$runs"); do
  ok=1
  if ! "$NODE22" node_modules/vitest/vitest.mjs run test/unit/trace/watch-race.test.ts > "$logs/vitest-$i.log" 2>&1; then
    ok=0 vitest_failed=$((vitest_failed + 1))
  fi
  if ! "$PWSH" -NoProfile -NonInteractive -Command "$pester_command" > "$logs/pester-$i.log" 2>&1; then
    ok=0 pester_failed=$((pester_failed + 1))
  fi
  if [ "$ok" = 1 ]; then
    green=$((green + 1))
    rm -f "$logs/vitest-$i.log" "$logs/pester-$i.log"
  fi
  echo "repeat: run $i/$runs $([ "$ok" = 1 ] && echo green || echo RED)" >&2
done
echo "repeat: $green/$runs green (vitest $vitest_failed failed, pester $pester_failed failed)"
[ "$green" = "$runs" ]
