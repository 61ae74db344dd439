#!/usr/bin/env python3
"""Read benchmark: cermat against python-calamine and openpyxl (read-only) on the same workbook, in the same run.

Runs are interleaved (cermat, calamine, openpyxl, cermat, …) so that the machine's noise hits every reader alike, and
each run is a fresh process whose peak memory is read from wait4(). Prints the median wall time of each reader, the
ratios, cermat's sheet-XML parse rate (from `cermat inspect --timings`) and its peak memory against the largest sheet XML.

Usage: python3 bench/read_bench.py [--workbook FILE] [--rows N] [--runs N] [--openpyxl-runs N]
Needs: pip install python-calamine openpyxl xlsxwriter; a release build (swift build -c release).
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
book = CalamineWorkbook.from_path(sys.argv[1])
cells = sum(len(row) for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python())
print(cells)
"""
OPENPYXL = """
import sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
cells = sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row)
print(cells)
"""


def run(command):
    """Runs a command; returns (seconds, peak RSS in MiB, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out = process.stdout.read().decode()
    err = process.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command[0]} failed: {err}")
    return seconds, usage.ru_maxrss / 1024, out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", default=os.path.join(ROOT, "bench", "work", "large.xlsx"))
    parser.add_argument("--rows", type=int, default=200_000, help="rows of the generated workbook (default 200000)")
    parser.add_argument("--runs", type=int, default=5, help="runs of cermat and calamine (default 5)")
    parser.add_argument("--openpyxl-runs", type=int, default=1, help="runs of openpyxl, which is slow (default 1)")
    parser.add_argument("--cermat", default=os.path.join(ROOT, ".build", "release", "cermat"))
    args = parser.parse_args()

    if not os.path.exists(args.workbook):
        os.makedirs(os.path.dirname(args.workbook), exist_ok=True)
        print(f"generating {args.workbook} ({args.rows} rows)…", flush=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_large_workbook.py"), args.workbook,
                        str(args.rows)], check=True)
    if not os.path.exists(args.cermat):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)

    with zipfile.ZipFile(args.workbook) as archive:
        largest = max(info.file_size for info in archive.infolist() if info.filename.startswith("xl/worksheets/"))

    readers = {
        "cermat": [args.cermat, "inspect", args.workbook, "--timings"],
        "python-calamine": [sys.executable, "-c", CALAMINE, args.workbook],
        "openpyxl (read-only)": [sys.executable, "-c", OPENPYXL, args.workbook],
    }
    times = {name: [] for name in readers}
    memory = {name: [] for name in readers}
    rates = []
    for round_number in range(args.runs):
        for name, command in readers.items():
            if name.startswith("openpyxl") and round_number >= args.openpyxl_runs:
                continue
            seconds, peak, out = run(command)
            times[name].append(seconds)
            memory[name].append(peak)
            if name == "cermat":
                match = re.search(r"sheet XML (\d+) bytes parsed at (\d+) MB/s", out)
                if match:
                    rates.append(int(match.group(2)))
            print(f"  {name:22s} {seconds:8.2f} s  {peak:8.0f} MiB", flush=True)

    median = {name: statistics.median(values) for name, values in times.items() if values}
    print(f"\nworkbook: {args.workbook}, largest sheet XML {largest / 1e6:.0f} MB")
    print(f"{'reader':24s}{'median s':>10s}{'peak MiB':>10s}{'cermat is':>14s}")
    for name, seconds in median.items():
        ratio = seconds / median["cermat"]
        print(f"{name:24s}{seconds:10.2f}{max(memory[name]):10.0f}{ratio:12.1f}×" if name != "cermat"
              else f"{name:24s}{seconds:10.2f}{max(memory[name]):10.0f}{'':>14s}")
    print(f"\ncermat sheet-XML parse rate: median {statistics.median(rates)} MB/s (target ≥ 150)")
    print(f"cermat peak memory: {max(memory['cermat']):.0f} MiB = {max(memory['cermat']) * 2**20 / largest:.2f}× the largest "
          f"sheet XML (target < 3×)")
    print(f"speed-up over python-calamine: {median['python-calamine'] / median['cermat']:.1f}× (target ≥ 3×); "
          f"over openpyxl read-only: {median['openpyxl (read-only)'] / median['cermat']:.1f}× (target ≥ 30×)")


if __name__ == "__main__":
    main()
