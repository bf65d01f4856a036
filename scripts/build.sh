#!/usr/bin/env bash
# Builds the executables, the module and its packages (DESIGN §5), only when an input changed:
#   dist/prt                            Linux exe: Node 22 + our bundle as a single executable app (SEA)
#   dist/prt.exe                        Windows exe, the same bundle in the official node.exe, with
#                                       PrtTools' own version resource
#   dist/PrtTools/                      the developer build: the module ready to import, both exes
#   dist/PrtTools-<v>-win-x64.zip       the module with bin/prt.exe only (what devices get)
#   dist/PrtTools-<v>-linux-x64.zip     the module with bin/prt only (analysts on Linux pwsh)
#   dist/PrtTools.<v>.nupkg             Windows payload for Install-PSResource from a feed
#   dist/PrtTools.<v>-linux.nupkg       Linux payload, prerelease label "linux"
# Every package carries THIRD-PARTY-NOTICES.txt. Signed when PRT_SIGN_PFX and PRT_SIGN_PASSWORD
# name a code-signing certificate (scripts/package/sign.sh), else unsigned, said in one line.
# Packages are reproducible: entry times are SOURCE_DATE_EPOCH, else the last commit's time.
# Usage: scripts/build.sh [--force]
# Inputs are hashed by content and compared with dist/.build-stamp: nothing runs when they are
# unchanged, and a change under ps-module/ alone re-lays the module around the existing exes
# and repackages it instead of rebuilding the exes.
# Work happens in dist/.build/ and finished files are renamed into dist/, so a test running the
# previous exe is never handed a half-written one. A failed build removes the previous outputs:
# they no longer match the sources.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=tools.env
source scripts/tools.env
step_prefix=build
# shellcheck source=lib/steps.sh
source scripts/lib/steps.sh

force=0
for arg in "$@"; do
  case $arg in
    --force) force=1 ;;
    -h | --help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build: unknown argument '$arg' (usage: scripts/build.sh [--force])" >&2; exit 2 ;;
  esac
done

dist=dist
stage=$dist/.build # the SEA configs in scripts/build/ name this folder too
stamp=$dist/.build-stamp # "<exes hash> <module hash>" of the last successful build
version=$(node -p "require('./package.json').version")
# Packages are dated by the commit, so that two builds of it give the same bytes.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 315532800)}
sea_fuse=NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2
postject=(node "$root/node_modules/postject/dist/cli.js")

# Content hash of files and folders: touching a file or switching branches back and forth does
# not rebuild; any byte that changes does.
hash_of() { find "$@" -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1; }

package_list=$dist/.packages # names of the packages the last build wrote, one a line
exes_exist() { [ -f "$dist/prt" ] && [ -f "$dist/prt.exe" ] && [ -f "$dist/PrtTools/THIRD-PARTY-NOTICES.txt" ]; }
packages_exist() {
  local name
  [ -s "$package_list" ] || return 1
  while IFS= read -r name; do [ -f "$dist/$name" ] || return 1; done <"$package_list"
}
outputs_exist() { exes_exist && packages_exist && [ -f "$dist/PrtTools/bin/prt" ] && [ -f "$dist/PrtTools/bin/prt.exe" ]; }

# --- Skip when nothing changed ------------------------------------------------------------------
# Several test runs may start builds at once: one builds, the others wait and then find it done.
mkdir -p "$dist"
exec 9>"$dist/.build.lock"
if ! flock -n 9; then
  echo "build: waiting for another build to finish" >&2
  flock 9
fi
# What the exes are made from (the build's own scripts included), and what the module adds.
# The exe's version resource names the manifest's company and copyright; the exe's signature
# depends on the certificate (the password is not hashed: a wrong one fails the build).
exe_identity=$(grep -E "^\s*(CompanyName|Copyright)\s*=" ps-module/PrtTools.psd1 || true)
if [ -n "${PRT_SIGN_PFX:-}" ]; then
  signing="signed by $(sha256sum <"$PRT_SIGN_PFX" | cut -d' ' -f1) ${PRT_SIGN_TIMESTAMP_URL:-}"
else
  signing=unsigned
fi
exes_hash=$( (hash_of src scripts/build package.json package-lock.json tsconfig.json \
  scripts/build.sh scripts/tools.env scripts/lib/steps.sh scripts/lib/run-prt-exe.sh; echo "$exe_identity $signing") | sha256sum | cut -d' ' -f1)
module_hash=$( (hash_of ps-module scripts/package scripts/build-module.mjs; echo "$epoch") | sha256sum | cut -d' ' -f1)
built_exes='' built_module=''
read -r built_exes built_module 2>/dev/null <"$stamp" || true
if [ "$force" = 0 ] && [ "$built_exes" = "$exes_hash" ] && [ "$built_module" = "$module_hash" ] && outputs_exist; then
  echo "build: up to date (inputs unchanged; --force rebuilds)" >&2
  exit 0
fi
reuse_exes=0
if [ "$force" = 0 ] && [ "$built_exes" = "$exes_hash" ] && exes_exist; then reuse_exes=1; fi

# --- Tools --------------------------------------------------------------------------------------
missing=()
[ -x "$NODE22" ] || missing+=("Node $NODE22_VERSION for Linux ($NODE22)")
[ -f "$NODE22_WIN_EXE" ] || missing+=("Node $NODE22_VERSION for Windows ($NODE22_WIN_EXE)")
[ -f "$WINEPREFIX/.prt-ok" ] || missing+=("the Wine prefix ($WINEPREFIX)")
[ -x "$PWSH" ] || missing+=("pwsh ($PWSH)")
for tool in strip osslsigncode openssl wine flock; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  printf 'build: missing: %s\nbuild: run scripts/bootstrap.sh\n' "$(IFS=,; echo "${missing[*]}" | sed 's/,/, /g')" >&2
  exit 1
fi
if [ ! -f node_modules/esbuild/package.json ] || [ ! -f node_modules/postject/dist/cli.js ] ||
  [ ! -f node_modules/resedit/package.json ] || [ ! -f node_modules/yazl/package.json ]; then
  echo "build: esbuild, postject, resedit or yazl is not in node_modules: run npm ci" >&2
  exit 1
fi

# --- From here on, a failure leaves no outputs behind -------------------------------------------
build_start=$(now_ms)
rm -f "$stamp"
on_exit() {
  local status=$?
  if [ "$status" -gt 128 ]; then
    # Interrupted (Ctrl-C, a closed pipe): nothing is known to be wrong with the published files.
    echo "build: interrupted; dist/ left as it was, the next build starts over" >&2
  elif [ "$status" -ne 0 ]; then
    rm -rf "$dist/prt" "$dist/prt.exe" "$dist/PrtTools" "$dist"/PrtTools-*.zip "$dist"/PrtTools.*.nupkg "$package_list" "$stage/PrtTools"
    echo "build: FAILED; removed dist/prt, dist/prt.exe, dist/PrtTools and the packages (they no longer match the sources)" >&2
  fi
}
trap on_exit EXIT
rm -rf "$stage"
mkdir -p "$stage"
step_logs=$stage

# --- Steps --------------------------------------------------------------------------------------
bundle() {
  local main dashboard
  main=$(node scripts/build/bundle.mjs src/cli/main.ts "$stage/prt.cjs")
  # The dashboard travels as a SEA asset, compiled only when drawn (src/ui/load.ts).
  dashboard=$(node scripts/build/bundle.mjs src/ui/dashboard.tsx "$stage/dashboard.cjs")
  if grep -q "node_modules/ink/" "$stage/prt.cjs"; then
    echo "Ink is in the main script: something imports src/ui/dashboard.tsx other than src/ui/load.ts" >&2
    return 1
  fi
  echo "main $main, dashboard asset $dashboard"
}

# Proves the esbuild plugin still makes Ink + yoga-layout work in a CommonJS bundle (dashboard).
# It runs from a folder outside the project, where no node_modules/ can be found: like in the
# SEA, only what is in the bundle (and Node's built-ins) is there.
ink_selftest() {
  local printed dir
  dir=$(mktemp -d)
  node scripts/build/bundle.mjs scripts/build/ink-selftest.tsx "$dir/ink-selftest.cjs" >/dev/null
  printed=$(cd "$dir" && "$NODE22" ink-selftest.cjs) || true
  rm -rf "$dir"
  printf '%s\n' "$printed" >&2
  grep -qx 'ink-selftest: ok' <<<"$printed"
  echo "rendered a bordered <Text>hi</Text>"
}

# The blob must be made by the exact Node version of the target binary. The code cache is V8
# machine code for this platform: only the Linux blob carries it (it is made on Linux).
blobs() {
  "$NODE22" --experimental-sea-config scripts/build/sea-config.linux.json >&2
  "$NODE22" --experimental-sea-config scripts/build/sea-config.windows.json >&2
  echo "linux $(human_size "$stage/prt-linux.blob"), windows $(human_size "$stage/prt-windows.blob")"
}

module_folder() {
  local manifest=$stage/PrtTools/PrtTools.psd1
  mkdir -p "$stage/PrtTools/bin"
  node scripts/build-module.mjs ps-module "$stage/PrtTools" >/dev/null
  if [ ! -f "$manifest" ]; then
    echo "no PrtTools.psd1 in ps-module/ yet"
  elif grep -Eq "^\s*ModuleVersion\s*=\s*['\"]0\.0\.0['\"]" "$manifest"; then
    # ModuleVersion is a System.Version: a prerelease tag (1.2.0-beta.1) cannot go there.
    local module_version=${version%%-*}
    sed -Ei "s/^(\s*ModuleVersion\s*=\s*)['\"]0\.0\.0['\"]/\1'$module_version'/" "$manifest"
    # The Intune/ConfigMgr detection script is uploaded alone: it carries the version it detects.
    sed -Ei "s/^(\s*\[string\]\s*\\\$RequiredVersion\s*=\s*)'0\.0\.0'/\1'$module_version'/" "$stage/PrtTools/Examples/Detect-PrtToolsInstalled.ps1"
    grep -q "RequiredVersion = '$module_version'" "$stage/PrtTools/Examples/Detect-PrtToolsInstalled.ps1"
    echo "ModuleVersion $module_version"
  else
    echo "ModuleVersion left as written (no '0.0.0' placeholder)"
  fi
}

# The Linux packages' manifest (prerelease label), made from the finished one, signed with the rest.
linux_manifest() {
  mkdir -p "$stage/linux"
  node scripts/package/package.mjs --linux-manifest "$stage/PrtTools/PrtTools.psd1" "$stage/linux/PrtTools.psd1" "$version"
}

# The manifest's package metadata, read by PowerShell: for the nuspec and the exe's resource.
# Kept per manifest content in dist/: starting pwsh is the slowest part of a module-only rebuild.
module_metadata() {
  local cache
  cache=$dist/.module-metadata-$(sha256sum <"$stage/PrtTools/PrtTools.psd1" | cut -c1-16).json
  if [ ! -s "$cache" ]; then
    rm -f "$dist"/.module-metadata-*.json
    "$PWSH" -NoProfile -NonInteractive -File scripts/package/module-metadata.ps1 "$stage/PrtTools/PrtTools.psd1" >"$cache.partial"
    mv "$cache.partial" "$cache"
  fi
  cp "$cache" "$stage/module.json"
  node -p "const m = require('./$stage/module.json'); m.Name + ' ' + m.ModuleVersion + ', ' + m.CompanyName"
}
metadata_field() { node -p "require('./$stage/module.json').$1"; }

# Licences of every npm package the two bundles hold (their metafiles), and Node.js's.
notices() {
  node scripts/build/notices.mjs "$stage/PrtTools/THIRD-PARTY-NOTICES.txt" "$(dirname "$(dirname "$NODE22")")/LICENSE" \
    "$stage/prt.cjs.meta.json" "$stage/dashboard.cjs.meta.json"
}

# A failed or interrupted injection leaves a working plain node: only the app prints our version.
expect_version() { # $1 = what the exe printed, $2 = which exe
  if ! grep -qwF "$version" <<<"$1"; then
    echo "$2 --version printed '$1', not '$version': the SEA injection did not take; output deleted" >&2
    return 1
  fi
}

linux_exe() {
  local exe=$stage/PrtTools/bin/prt printed
  cp "$NODE22" "$exe"
  strip "$exe"
  "${postject[@]}" "$exe" NODE_SEA_BLOB "$stage/prt-linux.blob" --sentinel-fuse "$sea_fuse" --overwrite >&2
  printed=$(timeout 60 "$exe" --version </dev/null) || true
  expect_version "$printed" "$exe" || { rm -f "$exe"; return 1; }
  echo "$(human_size "$exe"), --version ok"
}

windows_exe() {
  local exe=$stage/PrtTools/bin/prt.exe printed identity
  identity=("$version" "$(metadata_field CompanyName)" "$(metadata_field Copyright)")
  # postject cannot inject into a signed PE; the signature would be invalid afterwards anyway.
  rm -f "$exe"
  osslsigncode remove-signature -in "$NODE22_WIN_EXE" -out "$exe" >&2
  # Our version resource replaces node's before the blob goes in (postject keeps it).
  node scripts/build/version-info.mjs set "$exe" "${identity[@]}" >&2
  "${postject[@]}" "$exe" NODE_SEA_BLOB "$stage/prt-windows.blob" --sentinel-fuse "$sea_fuse" --overwrite >&2
  printed=$(PRT_EXE=$exe timeout 180 bash scripts/lib/run-prt-exe.sh --version) || true
  expect_version "$printed" "$exe (under Wine)" || { rm -f "$exe"; return 1; }
  node scripts/build/version-info.mjs check "$exe" "${identity[@]}" >&2 || { rm -f "$exe"; return 1; }
  echo "$(human_size "$exe"), version resource ok, --version under Wine ok"
}

# Only ps-module/ changed: the published exes (and the notices of what is in them) are still right.
reuse_published_exes() {
  ln "$dist/prt" "$stage/PrtTools/bin/prt" 2>/dev/null || cp "$dist/prt" "$stage/PrtTools/bin/prt"
  ln "$dist/prt.exe" "$stage/PrtTools/bin/prt.exe" 2>/dev/null || cp "$dist/prt.exe" "$stage/PrtTools/bin/prt.exe"
  cp "$dist/PrtTools/THIRD-PARTY-NOTICES.txt" "$stage/PrtTools/"
  echo "ps-module/ changed alone"
}

# prt.exe (when built now: a reused one was signed when it was built) and every script.
sign() {
  local files=()
  [ "$reuse_exes" = 1 ] || files+=("$stage/PrtTools/bin/prt.exe")
  while IFS= read -r -d '' file; do files+=("$file"); done < <(
    find "$stage/PrtTools" "$stage/linux" -type f \( -name '*.ps1' -o -name '*.psm1' -o -name '*.psd1' -o -name '*.ps1xml' \) -print0 | sort -z)
  bash scripts/package/sign.sh "${files[@]}"
}

packages() {
  mkdir -p "$stage/packages"
  node scripts/package/package.mjs "$stage/PrtTools" "$stage/packages" "$version" "$stage/module.json" "$epoch" "$stage/linux/PrtTools.psd1"
}

# Renames, so that a process running the old exe keeps its file and a new one gets a whole file.
publish() {
  local name
  for name in prt prt.exe; do
    [ "$stage/PrtTools/bin/$name" -ef "$dist/$name" ] && continue # reused, already in place
    ln "$stage/PrtTools/bin/$name" "$stage/$name" 2>/dev/null || cp "$stage/PrtTools/bin/$name" "$stage/$name"
    mv -f "$stage/$name" "$dist/$name"
  done
  rm -rf "$dist/PrtTools.old"
  if [ -d "$dist/PrtTools" ]; then mv "$dist/PrtTools" "$dist/PrtTools.old"; fi
  mv "$stage/PrtTools" "$dist/PrtTools"
  rm -rf "$dist/PrtTools.old" "$dist"/PrtTools-*.zip "$dist"/PrtTools.*.nupkg "$stage"/*.blob
  (cd "$stage/packages" && ls) >"$package_list"
  mv "$stage"/packages/* "$dist/"
}

step "module folder ($version)" module_folder
# Steps that reshape the assembled module ($stage/PrtTools: combined .psm1, file list…) go here,
# one line each: everything below (signing, packages, dist/PrtTools) takes the folder as it is.
step "Linux manifest" linux_manifest
# pwsh starts slowly: it reads the manifest while the bundle is made.
step "module metadata (PrtTools.psd1)" module_metadata &
metadata_pid=$!
if [ "$reuse_exes" = 1 ]; then
  step "reuse dist/prt and dist/prt.exe" reuse_published_exes
  wait "$metadata_pid"
else
  step "bundle src/cli/main.ts" bundle
  step "third-party notices" notices
  step "ink self-test (bundled, Node $NODE22_VERSION)" ink_selftest
  step "SEA blobs (Node $NODE22_VERSION)" blobs
  wait "$metadata_pid" # the Windows exe's version resource names the manifest's company

  # The two exes are independent and postject is single-threaded: build them side by side.
  step "linux exe: strip, inject, verify" linux_exe &
  linux_pid=$!
  step "windows exe: version info, inject, verify" windows_exe &
  windows_pid=$!
  exes_ok=1
  wait "$linux_pid" || exes_ok=0
  wait "$windows_pid" || exes_ok=0
  [ "$exes_ok" = 1 ]
fi
if [ -n "${PRT_SIGN_PFX:-}" ]; then
  step "sign prt.exe and the scripts" sign
else
  echo "build: UNSIGNED: no PRT_SIGN_PFX given (AllSigned machines will refuse the module; README, Signing)" >&2
fi
step "packages (zip, nupkg; Windows, Linux)" packages
step "publish to dist/" publish
echo "$exes_hash $module_hash" >"$stamp"
summary=$(while IFS= read -r name; do printf ', dist/%s %s' "$name" "$(human_size "$dist/$name")"; done <"$package_list")
echo "build: done in $(elapsed_s "$build_start") s: dist/prt $(human_size "$dist/prt"), dist/prt.exe $(human_size "$dist/prt.exe")$summary" >&2
