#!/usr/bin/env bash
# Builds fuzz/out/fuzz-worksheet: the reader's sources and the workbook model compiled as one module with libFuzzer and
# AddressSanitizer. Run it with:  fuzz/out/fuzz-worksheet fuzz/corpus -max_total_time=600
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p fuzz/out
# One module holds everything, so the reader's `import CermatWorkbook` lines only draw a harmless warning.
swiftc -parse-as-library -module-name CermatWorkbook -sanitize=fuzzer,address -O -g \
    -I Sources/CLibzip -I Sources/CIsal \
    Sources/CermatWorkbook/*.swift \
    $(find Sources/CermatReader -name '*.swift') \
    fuzz/FuzzWorksheet.swift \
    -lzip -lisal -o fuzz/out/fuzz-worksheet 2>&1 | grep -v "is part of module 'CermatWorkbook'; ignoring import" || true
test -x fuzz/out/fuzz-worksheet
echo "built fuzz/out/fuzz-worksheet"
