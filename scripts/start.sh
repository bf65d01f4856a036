#!/usr/bin/env bash
# The main job: build if needed, then show the diagnosis of the sample failing hybrid device.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/ensure-deps.sh
bash scripts/build.sh >&2
exec dist/prt status --sample "$@"
