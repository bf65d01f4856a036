# Watches a Windows host process that Wine runs in the background, so that a Wine failure ends
# the suite with a reason instead of hanging CI: when the wineserver dies, every Wine process
# waits forever (seen in CI: "wineserver crashed", then nothing until the 90-minute limit).
#
# watch_host HOST_PID LOG SERVER_PID STALL_SECONDS LIMIT_SECONDS
# Returns once something happens, with the reason as status:
#   0  the host ended (its own exit status is for the caller to wait for)
#   10 the wineserver died, or a Wine process said it crashed
#   11 the log did not grow for STALL_SECONDS
#   12 the run took LIMIT_SECONDS
# The caller stops the Wine processes for 10-12; this function never kills anything.
watch_host() {
  local host_pid=$1 log=$2 server_pid=$3 stall=$4 limit=$5
  local started size last_size=-1 last_change now
  started=$(date +%s)
  last_change=$started
  while kill -0 "$host_pid" 2>/dev/null; do
    # A Wine client that loses the server prints this and exits; the rest of the processes hang.
    if ! kill -0 "$server_pid" 2>/dev/null || grep -q 'wineserver crashed' "$log" 2>/dev/null; then
      return 10
    fi
    now=$(date +%s)
    size=$(stat -c %s "$log" 2>/dev/null || echo 0)
    if [ "$size" != "$last_size" ]; then
      last_size=$size
      last_change=$now
    fi
    [ $((now - last_change)) -lt "$stall" ] || return 11
    [ $((now - started)) -lt "$limit" ] || return 12
    sleep 1
  done
  return 0
}

# The pids of the Wine processes (Windows programs, the wineserver) of this prefix. Wine re-parents
# the programs it starts to init, so neither the process tree nor the process group finds them all.
# With "wineserver" as second argument, only the server's.
wine_prefix_pids() {
  local prefix=$1 only=${2:-} dir pid program
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" != "$$" ] && [ "$pid" != "$BASHPID" ] || continue
    program=
    { IFS= read -r -d '' program <"$dir/cmdline"; } 2>/dev/null || [ -n "$program" ] || continue
    case "${program,,}" in
      *.exe | */wineserver* | */wine | */wine64 | */wine-preloader | */wine64-preloader) ;;
      *) continue ;;
    esac
    [ "$only" != wineserver ] || [[ $program == */wineserver* ]] || continue
    if grep -qzxF "WINEPREFIX=$prefix" "$dir/environ" 2>/dev/null; then
      echo "$pid"
    fi
  done
}
