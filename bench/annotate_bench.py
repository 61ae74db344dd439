#!/usr/bin/env python3
"""Annotate benchmark: `cermat annotate` on the 200 000-row planning workbook, against the writer's own limit and a peer.

- cermat annotate: read, recognise, lint, write the annotated copy (constant-memory mode at this size); and cermat
  lint alone, so that the copy's own cost (annotate − lint) can be set against the writer's.
- libxlsxwriter alone (bench/write_cells.c): the same number and kinds of cells written with nothing read: the floor.
- python-calamine + xlsxwriter: read every cell with python-calamine, write them all back with XlsxWriter
  (constant-memory mode): a plain copy, no checking, no styles.
Runs are interleaved; each is a fresh process whose peak memory comes from wait4(). Prints medians, ratios, peak memory.

Usage: python3 bench/annotate_bench.py [--workbook FILE] [--rows N] [--runs N]
Needs: gcc, libxlsxwriter-dev, pip install python-calamine xlsxwriter; a release build (swift build -c release).
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PEER = """
import sys
import xlsxwriter
from python_calamine import CalamineWorkbook
source = CalamineWorkbook.from_path(sys.argv[1])
target = xlsxwriter.Workbook(sys.argv[2], {"constant_memory": True})
for name in source.sheet_names:
    sheet = target.add_worksheet(name)
    for r, row in enumerate(source.get_sheet_by_name(name).to_python()):
        for c, value in enumerate(row):
            if value != "":
                sheet.write(r, c, value)
target.close()
"""


def run(command, expected=(0,)):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in expected:
        sys.exit(f"{command[0]} exited with {code}: {process.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workbook", default=os.path.join(ROOT, "bench", "work", "large.xlsx"))
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cermat", default=os.path.join(ROOT, ".build", "release", "cermat"))
    args = parser.parse_args()
    if not os.path.exists(args.workbook):
        os.makedirs(os.path.dirname(args.workbook), exist_ok=True)
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_large_workbook.py"), args.workbook,
                        str(args.rows)], check=True)
    if not os.path.exists(args.cermat):
        subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT], check=True)
    work = tempfile.mkdtemp()
    writer = os.path.join(work, "write_cells")
    subprocess.run(["gcc", "-O2", "-o", writer, os.path.join(ROOT, "bench", "write_cells.c"), "-lxlsxwriter"], check=True)
    out = lambda name: os.path.join(work, name)
    commands = {
        "cermat annotate": ([args.cermat, "annotate", args.workbook, "-o", out("annotated.xlsx"), "--fail-on", "never"], (0,)),
        "cermat lint (no copy)": ([args.cermat, "lint", args.workbook, "--format", "json", "-o", out("report.json")], (0, 1)),
        "libxlsxwriter alone": ([writer, out("written.xlsx"), str(args.rows)], (0,)),
        "python-calamine + xlsxwriter": ([sys.executable, "-c", PEER, args.workbook, out("copied.xlsx")], (0,)),
    }
    times = {name: [] for name in commands}
    memory = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, (command, expected) in commands.items():
            seconds, peak = run(command, expected)
            times[name].append(seconds)
            memory[name].append(peak)
            print(f"  {name:30s} {seconds:7.2f} s {peak:8.0f} MiB", flush=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    base = median["cermat annotate"]
    print(f"\nworkbook: {args.workbook} ({os.path.getsize(args.workbook) / 1e6:.0f} MB)")
    print(f"{'':32s}{'median s':>10s}{'peak MiB':>10s}{'vs cermat':>12s}")
    for name in commands:
        print(f"{name:32s}{median[name]:10.2f}{max(memory[name]):10.0f}{median[name] / base:11.2f}×")
    writing = base - median["cermat lint (no copy)"]
    print(f"\ncermat annotate takes {base / median['libxlsxwriter alone']:.2f}× the writer alone and "
          f"{base / median['python-calamine + xlsxwriter']:.2f}× the python-calamine + xlsxwriter copy; writing the copy "
          f"(annotate − lint) takes {writing:.2f} s = {writing / median['libxlsxwriter alone']:.2f}× the writer alone")


if __name__ == "__main__":
    main()
