#!/usr/bin/env bash
# Regenerates the rule reference in docs/ from the rules themselves (a test checks that it is current).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product cermat >/dev/null
mkdir -p docs
# An empty configuration, so that a .cermat.yml in a folder above does not leak into the reference.
empty=$(mktemp)
trap 'rm -f "$empty"' EXIT
.build/debug/cermat rules --rules rules --config "$empty" --format markdown --lang id > docs/rules.md
.build/debug/cermat rules --rules rules --config "$empty" --format markdown --lang en > docs/rules.en.md
echo "wrote docs/rules.md and docs/rules.en.md"
