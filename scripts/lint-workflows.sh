#!/usr/bin/env bash
# Checks the syntax of the GitHub Actions workflows (.github/workflows/*.yml) against the
# workflow schema with @action-validator/cli (an npm dev dependency; runs offline). The Windows
# workflow cannot run here: this is all npm test can say about it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
for file in "$root"/.github/workflows/*.yml; do
  if node "$root/node_modules/@action-validator/cli/cli.mjs" "$file"; then
    echo "workflow lint: $(basename "$file") ok" >&2
  else
    echo "workflow lint: $(basename "$file") FAILED" >&2
    status=1
  fi
done
exit $status
