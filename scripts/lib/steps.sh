# Step logging for the build and bench scripts (sourced, bash ≥ 5 for EPOCHREALTIME).
#   step_prefix=build; step_logs=/some/dir
#   step "bundle src/cli/main.ts" node scripts/build/bundle.mjs …
# runs the command with its stderr kept in a log file and prints ONE line on stderr:
#   build: bundle src/cli/main.ts ............   0.40 s  109 kB
# where the tail is the command's stdout (a short summary, if it prints one). On failure the
# log is shown and the step returns non-zero, so `set -e` stops the script. The command runs
# with errexit on; do not call `step` on the left of || or && (bash then ignores errexit inside).

step_prefix=${step_prefix:-step}
step_logs=${step_logs:-${TMPDIR:-/tmp}}

now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }

# elapsed_s START_MS → "12.34"
elapsed_s() { local ms=$(($(now_ms) - $1)); printf '%d.%02d' $((ms / 1000)) $((ms % 1000 / 10)); }

step() {
  local name=$1; shift
  local log="$step_logs/${name//[^A-Za-z0-9._-]/_}.log" start summary status=0
  start=$(now_ms)
  # Not `summary=$(…) || status=$?`: errexit is off inside anything on the left of ||, and
  # the step functions rely on it to stop at their first failing command.
  local errexit_was=${-//[^e]/}
  set +e
  summary=$(set -e; "$@" 2>"$log")
  status=$?
  [ -n "$errexit_was" ] && set -e
  if [ "$status" -ne 0 ]; then
    printf '%s: %s FAILED after %s s (exit %d):\n' "$step_prefix" "$name" "$(elapsed_s "$start")" "$status" >&2
    [ -n "$summary" ] && printf '%s\n' "$summary" >&2
    sed 's/^/    /' "$log" >&2
    return "$status"
  fi
  local dots='........................................'
  printf '%s: %s %s %6s s  %s\n' "$step_prefix" "$name" "${dots:${#name}}" "$(elapsed_s "$start")" "${summary//$'\n'/ }" >&2
}

# Prints a file's size in MB with one decimal, or in kB below 1 MB: human_size FILE
human_size() {
  local b; b=$(stat -c %s "$1")
  if [ "$b" -ge 1000000 ]; then printf '%d.%d MB' $((b / 1000000)) $((b % 1000000 / 100000)); else printf '%d kB' $((b / 1000)); fi
}
