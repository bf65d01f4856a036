#!/usr/bin/env bash
# Mutation testing (Stryker, stryker.config.mjs) of the logic folders, one folder at a time, on
# Node 22 with one test runner at low priority (the machine is shared). Arguments: folder names
# from the list below (default: all, in this order). Incremental: each folder keeps its results
# in reports/mutation/<folder>/incremental.json, so a re-run tests only changed code and tests;
# `--force` (passed through) tests everything again. Reports: reports/mutation/<folder>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.env

# folder → the files it mutates. codes: the decoder (one code, any spelling → one identity), split
# in two runs (the readings of the bits; the decoder proper and its results); the knowledge-base
# rows in src/codes/kb are data, checked against the Windows headers instead, and the free-text
# reader (text.ts) is its own entry. events (the largest folder) in five runs with the same tests:
# the XML reader (scanner, element, parse), the attempt logic, the merge of streams, the AAD
# accessors, the text reader; `events` runs all of it at once.
declare -A globs=(
  [util]='src/util/**/*.ts'
  [codes]='src/codes/parse.ts,src/codes/bits.ts,src/codes/classify.ts,src/codes/identity.ts,src/codes/facilities.ts,src/codes/tpm-structure.ts'
  [codes-decode]='src/codes/decode.ts,src/codes/result.ts,src/codes/registry.ts,src/codes/explain.ts'
  [codes-text]='src/codes/text.ts'
  [diagnose]='src/diagnose/**/*.ts'
  [dsreg]='src/dsreg/**/*.ts'
  [events]='src/events/**/*.ts'
  [events-scan]='src/events/scan.ts,src/events/xml.ts,src/events/element.ts,src/events/numbers.ts,src/events/decode.ts,src/events/parse.ts,src/events/xml-view.ts'
  [events-attempts]='src/events/attempts.ts,src/events/order.ts'
  [events-merge]='src/events/merge.ts'
  [events-aad]='src/events/aad.ts'
  [events-text]='src/events/text/**/*.ts'
  [trace]='src/trace/engine.ts,src/trace/undo.ts,src/trace/steps.ts,src/trace/bundle.ts'
  [safety]='src/safety/**/*.ts'
)
# folder → the unit tests that must kill its mutants (vitest.mutate.config.ts).
declare -A tests=(
  [util]='test/unit/util'
  [codes]='test/unit/codes'
  [codes-decode]='test/unit/codes'
  [codes-text]='test/unit/codes'
  [diagnose]='test/unit/diagnose'
  [dsreg]='test/unit/dsreg,test/unit/real'
  [events]='test/unit/events'
  [events-scan]='test/unit/events'
  [events-attempts]='test/unit/events'
  [events-aad]='test/unit/events'
  [events-merge]='test/unit/events'
  [events-text]='test/unit/events'
  [trace]='test/unit/trace'
  [safety]='test/unit/safety'
)
order=(util codes codes-decode diagnose dsreg codes-text events-scan events-attempts events-merge events-aad events-text trace safety)

force=()
folders=()
for arg in "$@"; do
  case "$arg" in
    --force) force=(--force) ;;
    *)
      if [ -z "${globs[$arg]:-}" ]; then
        echo "mutate: unknown folder '$arg' (one of: ${order[*]})" >&2
        exit 2
      fi
      folders+=("$arg") ;;
  esac
done
[ ${#folders[@]} -gt 0 ] || folders=("${order[@]}")

status=0
for folder in "${folders[@]}"; do
  echo "== mutate $folder (${globs[$folder]})" >&2
  start=$(date +%s)
  PRT_MUTATE_SCOPE=$folder PRT_MUTATE_TESTS=${tests[$folder]} nice -n 10 "$NODE22" node_modules/@stryker-mutator/core/bin/stryker.js run \
    --mutate "${globs[$folder]}" --concurrency 1 "${force[@]}" || status=1
  echo "== mutate $folder took $(( $(date +%s) - start ))s" >&2
done
exit $status
