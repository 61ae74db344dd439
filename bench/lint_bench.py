#!/usr/bin/env python3
"""Lint benchmark: linting a 200 000-row planning workbook against reading it, in the same run (target: lint ≤ 2× read).

"Read" is `cermat inspect FILE` (unzip, parse every part, build the workbook model, print a summary); "lint" is
`cermat lint FILE --format json` (the same read, then table recognition, every rule, the JSON report). Runs are
interleaved so that the machine's noise hits both alike; each is a fresh process. Prints the medians, the ratio, the
findings, and where lint spends its time (`lint --timings`: recognition wall time, each rule's CPU time).

With --distinct-names the generated workbook names a place on every sub-kegiatan row (make_large_workbook.py): the
case where matching names across tables must not compare every name with every other.

Usage: python3 bench/lint_bench.py [--workbook FILE] [--rows N] [--runs N] [--distinct-names]
Needs: pip install xlsxwriter; a release build (swift build -c release).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, expected=(0,)):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if done.returncode not in expected:
        sys.exit(f"{' '.join(command)} exited with {done.returncode}: {done.stderr.decode()}")
    return seconds, done.stderr.decode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", help="the workbook to lint (default: bench/work/large.xlsx, generated if missing)")
    parser.add_argument("--distinct-names", action="store_true",
                        help="generate every sub-kegiatan with a name of its own (bench/work/large-distinct.xlsx)")
    parser.add_argument("--rows", type=int, default=200_000, help="rows of the generated workbook (default 200000)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cermat", default=os.path.join(ROOT, ".build", "release", "cermat"))
    args = parser.parse_args()
    if args.workbook is None:
        name = "large-distinct.xlsx" if args.distinct_names else "large.xlsx"
        args.workbook = os.path.join(ROOT, "bench", "work", name)
    if not os.path.exists(args.workbook):
        os.makedirs(os.path.dirname(args.workbook), exist_ok=True)
        print(f"generating {args.workbook} ({args.rows} rows)…", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_large_workbook.py"), args.workbook,
                        str(args.rows)] + (["--distinct-names"] if args.distinct_names else []), check=True)
    if not os.path.exists(args.cermat):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)

    report = os.path.join(tempfile.mkdtemp(), "report.json")
    read, lint = [], []
    for _ in range(args.runs):
        seconds, _ = run([args.cermat, "inspect", args.workbook])
        read.append(seconds)
        # Exit status 1: the workbook has findings, as a real one does.
        seconds, _ = run([args.cermat, "lint", args.workbook, "--format", "json", "--output", report], expected=(0, 1))
        lint.append(seconds)
        print(f"  read {read[-1]:6.2f} s   lint {lint[-1]:6.2f} s", flush=True)
    with open(report) as handle:
        summary = json.load(handle)["summary"]
    _, timings = run([args.cermat, "lint", args.workbook, "--format", "json", "--output", report, "--timings"],
                     expected=(0, 1))

    median_read, median_lint = statistics.median(read), statistics.median(lint)
    print(f"\nworkbook: {args.workbook}")
    print(f"findings: {summary['errors']} errors, {summary['warnings']} warnings, {summary['info']} info")
    print(f"median read {median_read:.2f} s, median lint {median_lint:.2f} s: lint = {median_lint / median_read:.2f}× read "
          f"(target ≤ 2×)")
    print("\nwhere lint spends its time (one run):")
    print(timings)


if __name__ == "__main__":
    main()
