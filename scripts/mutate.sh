#!/usr/bin/env bash
# Mutation testing (Stryker, stryker.config.mjs) of the logic folders, one folder at a time, on
# Node 22 at low priority with one test runner (PRT_MUTATE_CONCURRENCY for more: the machine is
# shared). Arguments: folder names from the list below (default: all, in this order).
# Incremental: each folder keeps its results in reports/mutation/<folder>/incremental.json, so a
# re-run tests only changed code and tests, and the mutants that were not killed
# (scripts/mutation-retest.mjs says why); `--force` (passed through) tests everything again.
# Reports: reports/mutation/<folder>/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.env

# One row per folder: the files it mutates | the tests that must kill its mutants (test folders or
# single files, vitest.mutate.config.ts) | test files to leave out (whole simulated runs, minutes
# per mutant). The folders partition the logic of issue #12; src/codes/kb (data rows, checked
# against the Windows headers instead) and type-only files are not in it. codes: the readings of
# the bits; the decoder proper and its results; the free-text reader. events: the XML reader, the
# attempt logic, the merge of streams, the AAD accessors, the text reader. safety: one row per
# file group, each with the tests written for it.
S=test/unit/safety
declare -A globs tests excludes
row() { globs[$1]=$2; tests[$1]=$3; excludes[$1]=${4:-}; order+=("$1"); }
order=()
row util            'src/util/**/*.ts' test/unit/util
row codes           'src/codes/parse.ts,src/codes/bits.ts,src/codes/classify.ts,src/codes/identity.ts,src/codes/facilities.ts,src/codes/tpm-structure.ts' test/unit/codes
row codes-decode    'src/codes/decode.ts,src/codes/result.ts,src/codes/registry.ts,src/codes/explain.ts,src/codes/names/index.ts' test/unit/codes
row codes-text      'src/codes/text.ts,src/codes/miscounted.ts,src/codes/same-error.ts' test/unit/codes
row diagnose        'src/diagnose/**/*.ts' test/unit/diagnose,test/unit/events/list-pane.test.ts
row doctor          'src/doctor/**/*.ts' test/unit/doctor
row device          'src/device/**/*.ts' test/unit/device
row dsreg           'src/dsreg/**/*.ts' test/unit/dsreg,test/unit/real
row events-scan     'src/events/scan.ts,src/events/xml.ts,src/events/element.ts,src/events/numbers.ts,src/events/decode.ts,src/events/parse.ts,src/events/xml-view.ts' test/unit/events
row events-attempts 'src/events/attempts.ts,src/events/order.ts' test/unit/events
row events-merge    'src/events/merge.ts' test/unit/events
row events-aad      'src/events/aad.ts' test/unit/events
row events-text     'src/events/text/**/*.ts' test/unit/events
row trace           'src/trace/engine.ts,src/trace/undo.ts,src/trace/steps.ts,src/trace/bundle.ts' test/unit/trace test/unit/trace/session.test.ts
row safety-scrub    'src/safety/scrub.ts,src/safety/sanitize.ts,src/safety/event-xml.ts,src/safety/redaction-map.ts' $S "$S/scrub-bundles.test.ts,$S/redact-bundles.test.ts"
row safety-redact   'src/safety/redact.ts' "$S/redact.test.ts,$S/redact-edges.test.ts,$S/redact-diagnosis.property.test.ts"
row safety-zip-read 'src/safety/zip-read.ts' "$S/zip-read.test.ts,$S/zip-read-edges.test.ts"
row safety-redact-files 'src/safety/redact-files.ts' "$S/redact.test.ts,$S/redact-files-edges.test.ts"

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
  [ ${#force[@]} -gt 0 ] || node scripts/mutation-retest.mjs "reports/mutation/$folder/incremental.json"
  PRT_MUTATE_SCOPE=$folder PRT_MUTATE_TESTS=${tests[$folder]} PRT_MUTATE_EXCLUDE=${excludes[$folder]} \
    nice -n 10 "$NODE22" node_modules/@stryker-mutator/core/bin/stryker.js run \
    --mutate "${globs[$folder]}" --concurrency "${PRT_MUTATE_CONCURRENCY:-1}" "${force[@]}" || status=1
  echo "== mutate $folder took $(( $(date +%s) - start ))s" >&2
done
exit $status
