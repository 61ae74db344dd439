#!/usr/bin/env bash
# Rewrites the golden findings fixtures/planning/*.findings.tsv from Cermat's current output and regenerates
# docs/precision.md from them. The verdict and note of every finding that still occurs are kept; a new finding is
# written with the verdict `unjudged` (and its message as the note), which the tests refuse until someone judges it
# (right or wrong, with a note); a `right` finding Cermat no longer makes becomes `missed`. Review the diff before
# committing: every change in the output should be a conscious one.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests >/dev/null
# First the golden files (the tests of this run fail where findings are unjudged), then the record built from them.
CERMAT_RECORD_GOLDENS=1 swift test --skip-build --filter 'GoldenFindingsTests/findingsAreTheJudgedGolden' >/dev/null 2>&1 || true
CERMAT_RECORD_GOLDENS=1 swift test --skip-build --filter 'GoldenFindingsTests/precisionRecordIsCurrent' >/dev/null 2>&1 || true
echo "wrote fixtures/planning/*.findings.tsv and docs/precision.md"
if grep -n '^unjudged' fixtures/planning/*.findings.tsv; then
  echo "the findings above are not judged yet: set each verdict to right or wrong, write a note, then run again" >&2
  exit 1
fi
