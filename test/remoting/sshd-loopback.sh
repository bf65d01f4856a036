#!/usr/bin/env bash
# A throwaway OpenSSH server on the loopback, for real PowerShell remoting in the Pester suites
# (test/pester/Remoting.Tests.ps1, Fleet.Tests.ps1). Nothing of the system's sshd is used or
# touched: own config, own host key, own port, own authorized-keys file, all under one temp folder.
#
#   sshd-loopback.sh check                  exit 0 if this machine can run it, else say why (exit 1)
#   sshd-loopback.sh start [MODULE_DIR]     start it; prints one JSON object (see the end of start)
#   sshd-loopback.sh stop DIR               stop what start started in DIR and remove DIR
#
# start needs root: it creates the local user prtremote once (no password, key login only, a
# shell so that sshd can start the subsystem) and runs sshd -D in the background.
# Two "devices" answer on the same port: subsystem powershell has PrtTools on its PSModulePath
# (a hard-linked copy of MODULE_DIR, default dist/PrtTools), subsystem powershell-nomodule does
# not. sshd listens on 127.0.0.1 and 127.0.0.2, so that one fan-out can name several devices;
# nothing listens on 127.0.0.3 (an unreachable device).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# shellcheck source=../../scripts/tools.env
source "$root/scripts/tools.env"

remote_user=prtremote
sshd_bin=/usr/sbin/sshd

log() { printf 'sshd-loopback: %s\n' "$*" >&2; }

check() {
  if [ "$(id -u)" != 0 ]; then echo "not root: creating the test user and running sshd need root"; return 1; fi
  if [ ! -x "$sshd_bin" ]; then echo "$sshd_bin is missing: run scripts/bootstrap.sh (Debian package openssh-server)"; return 1; fi
  if ! command -v ssh >/dev/null || ! command -v ssh-keygen >/dev/null; then echo "ssh or ssh-keygen is missing (openssh-client)"; return 1; fi
  if [ ! -x "$PWSH" ]; then echo "$PWSH is missing: run scripts/bootstrap.sh"; return 1; fi
  if ! command -v node >/dev/null; then echo "node is missing (it picks a free port)"; return 1; fi
  return 0
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# The children of a process, and theirs (the per-connection sshd and the pwsh it started), from
# /proc: procps is not always installed.
descendants() {
  local map current child parent queue=("$1") found=()
  map=$(awk '/^PPid:/ { split(FILENAME, part, "/"); print part[3], $2 }' /proc/[0-9]*/status 2>/dev/null || true)
  while [ ${#queue[@]} -gt 0 ]; do
    current=${queue[0]}
    queue=("${queue[@]:1}")
    while read -r child parent; do
      if [ "$parent" = "$current" ]; then found+=("$child"); queue+=("$child"); fi
    done <<<"$map"
  done
  echo "${found[*]:-}"
}

# A tree the remote user can read: hard links when the files are readable by all (fast, no
# space), else a copy made readable (another file system, or a umask of 077 at build time).
share_tree() {
  local from=$1 to=$2
  if cp -al "$from" "$to" 2>/dev/null && [ -z "$(find "$to" ! -perm -o+r -print -quit)" ]; then return 0; fi
  rm -rf "$to"
  cp -a "$from" "$to"
  chmod -R a+rX "$to"
}

stop() {
  local dir=$1 pid pids
  [ -d "$dir" ] || return 0
  if [ -f "$dir/sshd.pid" ]; then
    pid=$(cat "$dir/sshd.pid")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      pids=$(descendants "$pid")
      kill "$pid" $pids 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" $pids 2>/dev/null || true
    fi
  fi
  if [ -f "$dir/authorized_keys_path" ]; then rm -f "$(cat "$dir/authorized_keys_path")"; fi
  rm -rf "$dir"
}

start() {
  local module_dir=${1:-$root/dist/PrtTools}
  local reason
  if ! reason=$(check); then log "$reason"; exit 1; fi
  [ -f "$module_dir/PrtTools.psd1" ] || { log "no PrtTools.psd1 in $module_dir: run npm run build"; exit 1; }

  # The throwaway user: created once, then reused. '*' = no password but not locked: sshd
  # refuses locked accounts ('!') without PAM.
  if ! getent passwd "$remote_user" >/dev/null; then
    log "creating the local user $remote_user (key login only)"
    # Another run may create it at the same moment: that is fine too.
    useradd --create-home --shell /bin/sh --comment "PrtTools remoting tests" "$remote_user" || getent passwd "$remote_user" >/dev/null
  fi
  usermod -p '*' "$remote_user"
  local home; home=$(getent passwd "$remote_user" | cut -d: -f6)
  mkdir -p "$home"; chown "$remote_user:" "$home"; chmod go-w "$home"
  install -d -m 700 -o "$remote_user" -g "$(id -gn "$remote_user")" "$home/.ssh"

  local dir; dir=$(mktemp -d "${TMPDIR:-/tmp}/prttools-sshd.XXXXXX")
  chmod 755 "$dir"
  # Anything that fails from here on leaves nothing behind.
  trap 'stop "$dir"' ERR

  # pwsh lives under root's cache, which the remote user cannot enter: hard links in the temp
  # folder, and the same for the module.
  share_tree "$(dirname "$PWSH")" "$dir/pwsh"
  mkdir -p "$dir/modules" "$dir/share"
  share_tree "$module_dir" "$dir/modules/PrtTools"
  chmod 755 "$dir/modules" "$dir/share"

  ssh-keygen -q -t ed25519 -N '' -C prttools-loopback-host -f "$dir/host_key"
  ssh-keygen -q -t ed25519 -N '' -C prttools-loopback-client -f "$dir/client_key"
  # One authorized-keys file per run, named in this run's sshd_config: runs side by side (two
  # engineers, two CI jobs) do not undo each other's keys.
  local keys_name; keys_name=authorized_keys.prttools-$(basename "$dir")
  install -m 600 -o "$remote_user" -g "$(id -gn "$remote_user")" "$dir/client_key.pub" "$home/.ssh/$keys_name"
  echo "$home/.ssh/$keys_name" >"$dir/authorized_keys_path"
  : >"$dir/known_hosts"

  # sshd's privilege separation directory (normally made at boot by the package).
  mkdir -p /run/sshd && chmod 755 /run/sshd

  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    cat >"$dir/sshd_config" <<EOF
# Throwaway sshd for the PrtTools remoting tests; nothing else uses it.
Port $port
ListenAddress 127.0.0.1
ListenAddress 127.0.0.2
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile .ssh/$keys_name
AllowUsers $remote_user
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin no
StrictModes yes
UsePAM no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTTY no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
Subsystem powershell /usr/bin/env PSModulePath=$dir/modules $dir/pwsh/pwsh -sshs -NoLogo -NoProfile
Subsystem powershell-nomodule /usr/bin/env PSModulePath=$dir/share $dir/pwsh/pwsh -sshs -NoLogo -NoProfile
EOF
    "$sshd_bin" -t -f "$dir/sshd_config"
    rm -f "$dir/sshd.pid"
    # In the caller's process group: Ctrl-C on the test run stops it too.
    "$sshd_bin" -D -e -f "$dir/sshd_config" >"$dir/sshd.log" 2>&1 </dev/null &
    local listener=$!
    for _ in $(seq 100); do
      if grep -q "Server listening on 127.0.0.2 port $port" "$dir/sshd.log" && grep -q "Server listening on 127.0.0.1 port $port" "$dir/sshd.log"; then
        break
      fi
      kill -0 "$listener" 2>/dev/null || break
      sleep 0.05
    done
    if kill -0 "$listener" 2>/dev/null && grep -q "Server listening on 127.0.0.1 port $port" "$dir/sshd.log"; then
      # -D keeps sshd in the foreground: the pid of the background job is sshd's own.
      echo "$listener" >"$dir/sshd.pid"
      break
    fi
    log "sshd did not start on port $port (attempt $attempt): $(tail -n 3 "$dir/sshd.log" | tr '\n' ' ')"
    kill "$listener" 2>/dev/null || true
    port=''
  done
  [ -n "$port" ] || { stop "$dir"; exit 1; }
  trap - ERR

  cat <<EOF
{"Dir":"$dir","Port":$port,"UserName":"$remote_user","KeyFilePath":"$dir/client_key","KnownHostsFile":"$dir/known_hosts","Subsystem":"powershell","SubsystemWithoutModule":"powershell-nomodule","ModuleDir":"$dir/modules/PrtTools","ShareDir":"$dir/share","Log":"$dir/sshd.log","Pid":$(cat "$dir/sshd.pid")}
EOF
}

case "${1:-}" in
  check) check ;;
  start) shift; start "$@" ;;
  stop) [ -n "${2:-}" ] || { log "usage: $0 stop DIR"; exit 2; }; stop "$2" ;;
  *) log "usage: $0 check | start [MODULE_DIR] | stop DIR"; exit 2 ;;
esac
