# Where the Windows PowerShell host for the Windows-tagged Pester suite lives (DESIGN 6), sourced
# by scripts/bootstrap.sh (which publishes it) and scripts/pester-windows.sh (which runs it).
# The folder is keyed on the host's sources, so a change to them publishes a new one.
# Needs $PRT_CACHE (scripts/tools.env) and $root (the repository).
winhost_src="$root/test/winhost"
winhost_key=$(cat "$winhost_src/PrtWinHost.csproj" "$winhost_src/Program.cs" "$winhost_src/powershell.config.json" | sha256sum | cut -c1-16)
export WINHOST_DIR="$PRT_CACHE/winhost/$winhost_key"
export WINHOST_EXE="$WINHOST_DIR/PrtWinHost.exe"
# A Wine prefix of the suite's own (Windows 10): the suite keeps a persistent wineserver for it
# and stops it with `wineserver -k`, which must not touch Wine processes of other test runs.
export WINHOST_PREFIX="${PRT_WINHOST_PREFIX:-$PRT_CACHE/wineprefix-winhost}"
