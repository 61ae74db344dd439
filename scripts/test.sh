#!/usr/bin/env bash
# The test command of the README: sets up what the build needs, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
