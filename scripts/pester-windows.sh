#!/usr/bin/env bash
# Runs the Windows-tagged Pester suite (test/pester/windows) in a Windows build of PowerShell 7
# (test/winhost, published by scripts/bootstrap.sh) under Wine, against the module as built
# (dist/PrtTools with the real prt.exe) and fake Windows system tools built here with mingw-w64.
# A missing piece (Wine, the host, the build) is a FAILURE, never a skip: the suite is the only
# run of the module's Windows code paths. Ends with `Pester (Windows): N passed, N failed`; with
# PESTER_SUMMARY_FILE set, writes the counts (and the seconds it took) there as JSON.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=tools.env
source "$root/scripts/tools.env"
# shellcheck source=lib/winhost.sh
source "$root/scripts/lib/winhost.sh"
# shellcheck source=lib/watch-host.sh
source "$root/scripts/lib/watch-host.sh"
started=$(date +%s)

fail() { echo "pester-windows: FAILED: $*" >&2; exit 1; }
command -v wine >/dev/null 2>&1 || fail "wine is not installed: run scripts/bootstrap.sh"
command -v wineserver >/dev/null 2>&1 || fail "wineserver is not installed: run scripts/bootstrap.sh"
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || fail "mingw-w64 (x86_64-w64-mingw32-gcc) is missing: run scripts/bootstrap.sh"
[ -f "$WINHOST_EXE" ] && [ -f "$WINHOST_DIR/.ok" ] || fail "the Windows PowerShell host $WINHOST_EXE is missing: run scripts/bootstrap.sh"
[ -f "$WINHOST_PREFIX/.prt-ok" ] || fail "the Wine prefix $WINHOST_PREFIX is missing: run scripts/bootstrap.sh"
[ -f "$PESTER_MODULE_DIR/tools/Pester.psd1" ] || fail "Pester $PESTER_VERSION is missing: run scripts/bootstrap.sh"
module=${PRTTOOLS_MODULE:-$root/dist/PrtTools/PrtTools.psd1}
[ -f "$(dirname "$module")/bin/prt.exe" ] || fail "$(dirname "$module")/bin/prt.exe is missing: run \`npm run build\` first"

# Wine maps the Unix root to drive Z:.
winpath() { printf 'Z:%s' "${1//\//\\}"; }

# --- Fake Windows tools (scripts/build-win-fakes.sh) ---------------------------------------------
fakes=$root/test/.tmp/winfakes
bash "$root/scripts/build-win-fakes.sh" "$fakes" || fail "cannot build the fake Windows tools"

# --- Wine: the suite's own prefix, one persistent wineserver for all the starts, stopped after -
export WINEPREFIX=$WINHOST_PREFIX WINEDEBUG=-all
# Without it the CLR under Wine crashes in most runs (Internal CLR error 0x80131506).
export DOTNET_EnableWriteXorExecute=0
export NODE_SKIP_PLATFORM_CHECK=1
export PESTER_MODULE_DIR_WIN PRT_WIN_FAKES PRT_WIN_REPO PRTTOOLS_MODULE_WIN
PESTER_MODULE_DIR_WIN=$(winpath "$PESTER_MODULE_DIR")
PRT_WIN_FAKES=$(winpath "$fakes")
PRT_WIN_REPO=$(winpath "$root")
PRTTOOLS_MODULE_WIN=$(winpath "$module")
# run.ps1 reads PESTER_MODULE_DIR; the Windows process needs the Windows spelling.
export PESTER_MODULE_DIR=$PESTER_MODULE_DIR_WIN
summary_unix=${PESTER_SUMMARY_FILE:-}
counts=$root/test/.tmp/pester-windows-counts.json
export PESTER_SUMMARY_FILE
PESTER_SUMMARY_FILE=$(winpath "$counts")
export PRTTOOLS_MODULE=$PRTTOOLS_MODULE_WIN

# A hung Wine (the wineserver dead, or nothing written for this long) ends the run with a reason;
# the whole suite takes about a minute.
stall_seconds=${PRT_WINE_STALL_SECONDS:-240}
limit_seconds=${PRT_WINE_LIMIT_SECONDS:-1200}
server_pid=
start_server() {
  wineserver -p
  server_pid=$(wine_prefix_pids "$WINEPREFIX" wineserver | head -n 1)
  [ -n "$server_pid" ] || fail "the wineserver for $WINEPREFIX did not start"
}
# Every Wine process of the suite's prefix: `wineserver -k` when the server still answers, then
# whatever is left (a dead server leaves its clients waiting forever).
stop_wine() {
  timeout 30 wineserver -k 2>/dev/null || true
  local pids
  pids=$(wine_prefix_pids "$WINEPREFIX")
  [ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
}

stop_wine
start_server
trap 'stop_wine' EXIT

out=$root/test/.tmp/pester-windows.log
# Sets $status (the host's exit status), and when Wine itself failed $wine_failure (server, stall
# or limit) and $wine_reason.
run_suite() {
  rm -f "$counts"
  : >"$out"
  wine_failure= wine_reason=
  # The host's stdout is a file (Wine's Windows processes cannot write to Unix pipes reliably);
  # it is followed as it grows.
  # Appended (O_APPEND): Wine processes started below reopen the inherited output, and a plain
  # redirect then leaves holes in the file.
  wine "$WINHOST_EXE" "$(winpath "$root/test/pester/windows/run-windows.ps1")" </dev/null >>"$out" 2>&1 &
  local host_pid=$! follow_pid watch
  tail -n +1 -f --pid="$host_pid" "$out" &
  follow_pid=$!
  set +e
  watch_host "$host_pid" "$out" "$server_pid" "$stall_seconds" "$limit_seconds"
  watch=$?
  case $watch in
    10) wine_failure=server wine_reason="the wineserver died during the run (a Wine crash, not a test finding)" ;;
    11) wine_failure=stall wine_reason="nothing was written for ${stall_seconds} s: the run hung after the last line above" ;;
    12) wine_failure=limit wine_reason="the run took more than ${limit_seconds} s" ;;
  esac
  [ -z "$wine_failure" ] || stop_wine
  wait "$host_pid"
  status=$?
  kill "$follow_pid" 2>/dev/null
  wait "$follow_pid" 2>/dev/null
  set -e
  if [ -z "$wine_failure" ]; then
    [ -f "$counts" ] || fail "the Windows host ended (exit $status) without writing its results; see $out"
  fi
}

# Wine now and then fails to create a process ("An error occurred trying to start process …
# Internal error.", ERROR_INTERNAL_ERROR from CreateProcess; 1 run in 5 or fewer, never on Windows).
# Only when every failure of a run is that one is the suite run once more, and the log says so;
# any other failure stands.
only_wine_start_failures() {
  node -e '
    const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").replace(/^\uFEFF/, ""));
    const failed = c.FailedTests ?? [];
    const wine = /An error occurred trying to start process .*Internal error/;
    process.exit(c.Failed > 0 && failed.length === c.Failed && failed.every((t) => wine.test(t.Message)) ? 0 : 1);
  ' "$counts"
}

run_suite
# A dead wineserver is Wine's failure, not the suite's: once, with a fresh server, the suite runs
# again. A hang with the server alive, or a second Wine failure, fails the run.
case $wine_failure in
  server)
    echo "pester-windows: $wine_reason: restarting it and running the suite once more" >&2
    stop_wine
    start_server
    run_suite
    [ -z "$wine_failure" ] || fail "again: $wine_reason" ;;
  ?*) fail "$wine_reason" ;;
  *)
    if only_wine_start_failures; then
      echo "pester-windows: every failure above is Wine failing to start a process (Internal error), not a test finding: running the suite once more" >&2
      run_suite
      [ -z "$wine_failure" ] || fail "$wine_reason"
    fi ;;
esac
seconds=$(( $(date +%s) - started ))
line=$(node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8").replace(/^\uFEFF/, ""));
  process.stdout.write(`Pester (Windows): ${c.Passed} passed, ${c.Failed} failed${c.Skipped ? `, ${c.Skipped} skipped` : ""} in ${process.argv[2]} s`);
  if (process.argv[3]) require("fs").writeFileSync(process.argv[3], JSON.stringify({ ...c, Seconds: Number(process.argv[2]) }));
' "$counts" "$seconds" "$summary_unix")
echo "$line"
exit "$status"
