#!/usr/bin/env bash
# The example command of the README: sets up what the build needs, builds Cermat, and runs it on the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product cermat >&2
.build/release/cermat inspect examples/renja-perubahan-2024-blitar.xlsx --tables
