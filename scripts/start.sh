#!/usr/bin/env bash
# The main job: build if needed, then diagnose the built-in failing hybrid joined device the way an
# admin would on a real one: its PRT status (Step 1), the failing attempt explained (Steps 2-3), then
# the doctor's one ranked verdict over status, errors and device checks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
bash scripts/ensure-deps.sh
bash scripts/build.sh >&2
echo "\$ prt status --simulate hybrid-wrong-password"
dist/prt status --simulate hybrid-wrong-password
echo
echo "\$ prt error --simulate hybrid-wrong-password"
dist/prt error --simulate hybrid-wrong-password
echo
echo "\$ prt doctor --simulate hybrid-wrong-password"
exec dist/prt doctor --simulate hybrid-wrong-password
