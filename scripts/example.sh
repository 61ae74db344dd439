#!/usr/bin/env bash
# The example command of the README: sets up what the build needs, builds Cermat, and lints the bundled example
# (a Renja Perubahan 2024 workbook transcribed from a real one, with its real mistakes). Extra arguments go to
# `cermat lint` (for example --lang en, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product cermat >&2
status=0
.build/release/cermat lint examples/renja-perubahan-2024-blitar.xlsx "$@" || status=$?
# Exit status 1 means "findings at or above --fail-on": what this example is for. Anything else is a failure.
if [ "$status" -gt 1 ]; then exit "$status"; fi
echo "(exit status $status: 1 means the workbook has findings at or above --fail-on, as this example does)" >&2
