#!/usr/bin/env bash
# Authenticode-signs prt.exe and the module's PowerShell files with osslsigncode (2.6+ signs
# .ps1/.psm1/.psd1/.ps1xml the way Set-AuthenticodeSignature does), then verifies every one.
# Usage: scripts/package/sign.sh PATH...   (a folder: every prt.exe and script file under it)
# Environment:
#   PRT_SIGN_PFX             the code-signing certificate and its key (PKCS#12 .pfx)
#   PRT_SIGN_PASSWORD        its password (read through a file descriptor, never on a command line)
#   PRT_SIGN_TIMESTAMP_URL   optional RFC 3161 timestamp server: signatures outlive the certificate
#   PRT_SIGN_CA_FILE         optional PEM of the root (and intermediates) the certificate chains to,
#                            when they are neither in the .pfx nor in the system's CA bundle
# Fails, naming them, when a file is left unsigned or does not verify.
set -euo pipefail

if [ -z "${PRT_SIGN_PFX:-}" ] || [ ! -f "$PRT_SIGN_PFX" ]; then
  echo "sign: PRT_SIGN_PFX must name a .pfx file (it is '${PRT_SIGN_PFX:-}')" >&2
  exit 2
fi
if [ -z "${PRT_SIGN_PASSWORD+set}" ]; then
  echo "sign: PRT_SIGN_PASSWORD is not set (use an empty value for a .pfx without password)" >&2
  exit 2
fi
[ $# -gt 0 ] || { echo "usage: scripts/package/sign.sh PATH..." >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# What verification trusts: the certificates in the .pfx, the given CA file, the system's bundle.
chain=$work/chain.pem
openssl pkcs12 -in "$PRT_SIGN_PFX" -nokeys -passin env:PRT_SIGN_PASSWORD -out "$chain" 2>"$work/openssl.log" || {
  echo "sign: cannot open $PRT_SIGN_PFX with PRT_SIGN_PASSWORD: $(head -1 "$work/openssl.log")" >&2
  exit 1
}
if [ -n "${PRT_SIGN_CA_FILE:-}" ]; then cat "$PRT_SIGN_CA_FILE" >>"$chain"; fi
for bundle in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt; do
  if [ -f "$bundle" ]; then cat "$bundle" >>"$chain"; break; fi
done

files=()
for path in "$@"; do
  if [ -d "$path" ]; then
    while IFS= read -r -d '' file; do files+=("$file"); done < <(
      find "$path" -type f \( -name prt.exe -o -name '*.ps1' -o -name '*.psm1' -o -name '*.psd1' -o -name '*.ps1xml' \) -print0 | sort -z)
  else
    files+=("$path")
  fi
done

timestamp=()
verify_timestamp=()
if [ -n "${PRT_SIGN_TIMESTAMP_URL:-}" ]; then
  timestamp=(-ts "$PRT_SIGN_TIMESTAMP_URL")
  verify_timestamp=(-TSA-CAfile "$chain")
fi

for file in "${files[@]}"; do
  name=$(basename "$file")
  # The signed copy keeps the extension: osslsigncode tells scripts apart by it.
  signed=$work/signed.${name##*.}
  rm -f "$signed"
  osslsigncode sign -pkcs12 "$PRT_SIGN_PFX" -readpass /dev/fd/3 -h sha256 -n PrtTools \
    "${timestamp[@]}" -in "$file" -out "$signed" 3<<<"$PRT_SIGN_PASSWORD" >"$work/sign.log" 2>&1 || {
    echo "sign: signing $file failed:" >&2
    sed 's/^/    /' "$work/sign.log" >&2
    exit 1
  }
  cat "$signed" >"$file" # keeps the file's mode (bin/prt's execute bit, read-only copies)
done

unsigned=()
for file in "${files[@]}"; do
  osslsigncode verify -in "$file" -CAfile "$chain" "${verify_timestamp[@]}" >"$work/verify.log" 2>&1 || unsigned+=("$file")
done
if [ ${#unsigned[@]} -gt 0 ]; then
  echo "sign: ${#unsigned[@]} file(s) do not carry a valid signature:" >&2
  printf '    %s\n' "${unsigned[@]}" >&2
  echo "    (if the certificate's root is private, give it in PRT_SIGN_CA_FILE)" >&2
  exit 1
fi
echo "${#files[@]} files signed and verified"
