#!/usr/bin/env bash
# Builds the fake Windows system tools of the Windows-tagged Pester suite with mingw-w64 into one
# folder (default test/.tmp/winfakes): status/ and trace/ are shaped like %SystemRoot% (System32
# inside), pathbin/ holds what prt.exe looks up on PATH, bin/ the helpers. Used by
# scripts/pester-windows.sh and by .github/workflows/windows.yml (built on Linux, run on Windows).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fakes=${1:-$root/test/.tmp/winfakes}
rm -rf "$fakes"
mkdir -p "$fakes/bin" "$fakes/status/System32" "$fakes/trace/System32" "$fakes/pathbin"
cc() { x86_64-w64-mingw32-gcc -O2 -o "$1" "$2" "${@:3}"; }
cc "$fakes/bin/print-tool.exe" "$root/test/pester/windows/fakes/print-tool.c"
cc "$fakes/bin/echo-args.exe" "$root/test/pester/windows/fakes/echo-args.c" -lshell32
cc "$fakes/bin/trace-tool.exe" "$root/test/fakes/win/trace-tool.c"
for tool in dsregcmd wevtutil quser schtasks powershell; do cp "$fakes/bin/print-tool.exe" "$fakes/status/System32/$tool.exe"; done
# What prt.exe looks up on PATH today (the module never does).
for tool in dsregcmd wevtutil; do cp "$fakes/bin/print-tool.exe" "$fakes/pathbin/$tool.exe"; done
for tool in whoami netsh wevtutil tasklist TTD reg icacls dsregcmd rundll32; do cp "$fakes/bin/trace-tool.exe" "$fakes/trace/System32/$tool.exe"; done
