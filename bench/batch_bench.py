#!/usr/bin/env python3
"""Batch benchmark: a folder of 200 fixture-sized workbooks (copies of fixtures/planning/*.xlsx, cycled) linted with
`--jobs 1` and `--jobs 2`, as a provincial Bappeda lints every OPD's submission at once.

Each run is a fresh process of the release build (`cermat lint DIR --format json --fail-on never --quiet`); runs alternate
between the job counts so that the machine's noise hits both alike. Checks that both job counts print the same bytes,
then prints the median wall times, the speed-up and the workbooks per second.

Usage: python3 bench/batch_bench.py [--files N] [--runs N] [--binary PATH]
Needs: a release build (swift build -c release --product cermat).
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200, help="workbooks in the folder (default 200)")
    parser.add_argument("--runs", type=int, default=5, help="runs per job count (default 5)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "cermat"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no binary at {args.binary}: swift build -c release --product cermat")
    fixtures = sorted(glob.glob(os.path.join(ROOT, "fixtures", "planning", "*.xlsx")))
    folder = tempfile.mkdtemp(prefix="cermat-batch-")
    try:
        for index in range(args.files):
            source = fixtures[index % len(fixtures)]
            name = f"opd-{index:03d}-{os.path.basename(source)}"
            shutil.copyfile(source, os.path.join(folder, name))
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
        print(f"{args.files} workbooks ({len(fixtures)} fixtures cycled), {size / 1e6:.1f} MB, {os.cpu_count()} cores")
        outputs = {}
        times = {1: [], 2: []}
        for _ in range(args.runs):
            for jobs in (1, 2):
                command = [args.binary, "lint", folder, "--format", "json", "--fail-on", "never", "--quiet", "--jobs", str(jobs)]
                start = time.perf_counter()
                done = subprocess.run(command, cwd=ROOT, capture_output=True)
                times[jobs].append(time.perf_counter() - start)
                if done.returncode != 0:
                    sys.exit(f"exit status {done.returncode}: {done.stderr.decode()[:500]}")
                outputs.setdefault(jobs, done.stdout)
                if done.stdout != outputs[jobs]:
                    sys.exit(f"--jobs {jobs}: two runs printed different reports")
        if outputs[1] != outputs[2]:
            sys.exit("--jobs 1 and --jobs 2 printed different reports")
        one, two = statistics.median(times[1]), statistics.median(times[2])
        print(f"--jobs 1: median {one:.2f} s ({args.files / one:.0f} workbooks/s)  runs: " + ", ".join(f"{t:.2f}" for t in times[1]))
        print(f"--jobs 2: median {two:.2f} s ({args.files / two:.0f} workbooks/s)  runs: " + ", ".join(f"{t:.2f}" for t in times[2]))
        print(f"speed-up --jobs 2 / --jobs 1: {one / two:.2f}x; reports identical ({len(outputs[1])} bytes)")
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
