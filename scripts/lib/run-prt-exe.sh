#!/usr/bin/env bash
# Runs the Windows exe under Wine the way tests need it (DESIGN §6):
#   scripts/lib/run-prt-exe.sh <prt arguments…>
# - the project's own Wine prefix (scripts/tools.env), WINEDEBUG=-all, NODE_SKIP_PLATFORM_CHECK=1;
# - stdin is /dev/null (or the file named by PRT_EXE_STDIN) and stdout/stderr go to temp files,
#   because node.exe under Wine fails with EBADF on Unix pipes; both are then copied to this
#   script's own stdout/stderr, so callers can pipe and capture as usual;
# - the exit code of prt.exe is this script's exit code;
# - the environment passes through to prt.exe (Wine hands it to Windows processes), including
#   PRT_SYSTEM32_DIR (with PRT_FORCE_LIVE=1), which callers set to a folder of fake Windows tools (`Z:\path\to\fakebin`).
# PRT_EXE overrides the exe (default dist/prt.exe); the build uses it to check a staged exe.
# The exe must exist: this script does not build (run `npm run build`).
# Relative paths in arguments work (Wine maps the current folder to Z:); absolute Unix paths
# work by accident of the current drive being Z:, so prefer relative ones.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../tools.env
source "$root/scripts/tools.env"

exe=${PRT_EXE:-$root/dist/prt.exe}
if [ ! -f "$exe" ]; then
  echo "run-prt-exe: $exe does not exist: run \`npm run build\` first" >&2
  exit 127
fi
if ! command -v wine >/dev/null 2>&1 || [ ! -f "$WINEPREFIX/.prt-ok" ]; then
  echo "run-prt-exe: wine or the project's Wine prefix is missing: run scripts/bootstrap.sh" >&2
  exit 127
fi

out=$(mktemp "${TMPDIR:-/tmp}/prt-exe-out.XXXXXX")
err=$(mktemp "${TMPDIR:-/tmp}/prt-exe-err.XXXXXX")
trap 'rm -f "$out" "$err"' EXIT

status=0
WINEDEBUG=-all NODE_SKIP_PLATFORM_CHECK=1 WINEPREFIX="$WINEPREFIX" \
  wine "$exe" "$@" <"${PRT_EXE_STDIN:-/dev/null}" >"$out" 2>"$err" || status=$?

cat "$out"
cat "$err" >&2
exit "$status"
