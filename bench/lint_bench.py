#!/usr/bin/env python3
"""Lint benchmark: linting a 200 000-row planning workbook against reading it, in the same run (target: lint ≤ 2× read).

"Read" is `cermat inspect FILE` (unzip, parse every part, build the workbook model, print a summary); "lint" is
`cermat lint FILE --format json` (the same read, then table recognition, every rule, the JSON report). Runs are
interleaved so that the machine's noise hits both alike; each is a fresh process. Prints the medians of wall time, of
CPU time (user + system, steadier on a shared machine) and of peak memory, the ratios, the findings, and where lint
spends its time (`lint --timings`: recognition wall time, each rule's CPU time).

The target compares lint with cermat's own read, the fastest reading there is of the workbook. For scale, the same
rounds also time python-calamine reading every cell of it (the peer of bench/read_bench.py), when it is installed; pass
--no-peer to leave it out.

With --distinct-names the generated workbook names a place on every sub-kegiatan row (make_large_workbook.py): the
case where matching names across tables must not compare every name with every other.

Usage: python3 bench/lint_bench.py [--workbook FILE] [--rows N] [--runs N] [--distinct-names] [--no-peer]
Needs: pip install xlsxwriter (and python-calamine for the peer); a release build (swift build -c release).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from read_bench import CALAMINE

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, expected=(0,)):
    """Runs a command; returns its wall seconds, its CPU seconds (user + system, every thread), its peak memory in MB and
    its standard error. CPU time is the steadier measure on a shared machine: waiting for a busy core does not count."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read().decode()
    code = os.waitstatus_to_exitcode(status)
    if code not in expected:
        sys.exit(f"{' '.join(command)} exited with {code}: {stderr}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", help="the workbook to lint (default: bench/work/large.xlsx, generated if missing)")
    parser.add_argument("--distinct-names", action="store_true",
                        help="generate every sub-kegiatan with a name of its own (bench/work/large-distinct.xlsx)")
    parser.add_argument("--rows", type=int, default=200_000, help="rows of the generated workbook (default 200000)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cermat", default=os.path.join(ROOT, ".build", "release", "cermat"))
    parser.add_argument("--no-peer", action="store_true", help="do not time python-calamine reading the workbook")
    args = parser.parse_args()
    try:
        import python_calamine  # noqa: F401 (only whether it is installed)
        peer = not args.no_peer
    except ImportError:
        peer = False
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
    read, lint, calamine = [], [], []
    for _ in range(args.runs):
        read.append(run([args.cermat, "inspect", args.workbook]))
        # Exit status 1: the workbook has findings, as a real one does.
        lint.append(run([args.cermat, "lint", args.workbook, "--format", "json", "--output", report], expected=(0, 1)))
        line = (f"  read {read[-1][0]:6.2f} s ({read[-1][1]:5.2f} s CPU, {read[-1][2]:5.0f} MB)   "
                f"lint {lint[-1][0]:6.2f} s ({lint[-1][1]:5.2f} s CPU, {lint[-1][2]:5.0f} MB)")
        if peer:
            calamine.append(run([sys.executable, "-c", CALAMINE, args.workbook]))
            line += f"   python-calamine read {calamine[-1][0]:6.2f} s"
        print(line, flush=True)
    with open(report) as handle:
        summary = json.load(handle)["summary"]
    timings = run([args.cermat, "lint", args.workbook, "--format", "json", "--output", report, "--timings"],
                  expected=(0, 1))[3]

    def median(runs, field):
        return statistics.median(run[field] for run in runs)

    print(f"\nworkbook: {args.workbook}")
    print(f"findings: {summary['errors']} errors, {summary['warnings']} warnings, {summary['info']} info")
    print(f"median read {median(read, 0):.2f} s, median lint {median(lint, 0):.2f} s: "
          f"lint = {median(lint, 0) / median(read, 0):.2f}× read (target ≤ 2×)")
    print(f"median CPU: read {median(read, 1):.2f} s, lint {median(lint, 1):.2f} s: {median(lint, 1) / median(read, 1):.2f}×; "
          f"peak memory: read {median(read, 2):.0f} MB, lint {median(lint, 2):.0f} MB")
    if calamine:
        print(f"for scale: python-calamine reads the workbook in {median(calamine, 0):.2f} s (median), "
              f"{median(calamine, 1):.2f} s CPU: cermat's lint takes {median(lint, 0) / median(calamine, 0):.2f}× that")
    print("\nwhere lint spends its time (one run):")
    print(timings)


if __name__ == "__main__":
    main()
