#!/usr/bin/env python3
"""Load check of `cermat serve`: N concurrent clients post a fixture to /api/lint for a fixed time, while another
thread polls /healthz; then a burst beyond the server's bound shows that extra requests get 503 at once instead of
piling up.

Starts its own server (loopback, a free port) from the given binary, so that it can read the server's peak RSS
(VmHWM in /proc/PID/status). Every request goes to 127.0.0.1 only; the run stops by itself.

Reports: throughput (answered lints per second), latency percentiles (p50/p90/p99) of the 200s, status counts,
the server's peak RSS, /healthz's worst latency and failures during the load, and for the burst the 503 count,
their worst latency and the most requests the server held at once (working + waiting, from /healthz).

Usage: python3 bench/serve_load.py [--clients 8] [--seconds 60] [--fixture PATH] [--cermat .build/release/cermat]
Needs: a release build (swift build -c release --product cermat). Python standard library only.
"""
import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def multipart(path):
    boundary = uuid.uuid4().hex
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Server:
    """`cermat serve --port 0` with the given options; the port is read from its first line."""

    def __init__(self, binary, options):
        self.process = subprocess.Popen([binary, "serve", "--port", "0", *options], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True, cwd=ROOT)
        deadline = time.time() + 30
        self.port = None
        while time.time() < deadline and self.port is None:
            line = self.process.stderr.readline()
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if match:
                self.port = int(match.group(1))
        if self.port is None:
            self.stop()
            sys.exit("the server did not start")
        # Drain the request log so the server never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()

    def peak_rss_mib(self):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def post(port, body, content_type, timeout=120):
    """One POST on a fresh connection: (status, seconds)."""
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", "/api/lint?format=json", body=body, headers={"Content-Type": content_type})
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    except Exception:
        return 0, time.perf_counter() - start
    finally:
        connection.close()


def health_poller(port, stop, samples):
    """Polls /healthz every 100 ms: (seconds, status, working + waiting)."""
    while not stop.is_set():
        start = time.perf_counter()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            held = json.loads(response.read())
            samples.append((time.perf_counter() - start, response.status, held["working"] + held["waiting"]))
            connection.close()
        except Exception:
            samples.append((time.perf_counter() - start, 0, 0))
        stop.wait(0.1)


def load(port, body, content_type, clients, seconds):
    results = []
    lock = threading.Lock()
    deadline = time.time() + seconds

    def client():
        while time.time() < deadline:
            outcome = post(port, body, content_type)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.perf_counter() - started


def summary(results, elapsed):
    statuses = {}
    for status, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    ok = [seconds for status, seconds in results if status == 200]
    return {
        "requests": len(results), "statuses": statuses, "seconds": round(elapsed, 1),
        "throughput_per_s": round(len(ok) / elapsed, 2),
        "latency_ms": {p: round(percentile(ok, int(p[1:])) * 1000) for p in ("p50", "p90", "p99")},
    }


def health_summary(samples):
    latencies = [s[0] for s in samples]
    return {"polls": len(samples), "failed": sum(1 for s in samples if s[1] != 200),
            "worst_ms": round(max(latencies) * 1000, 1) if latencies else None,
            "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
            "most_held": max((s[2] for s in samples), default=0)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cermat", default=os.path.join(ROOT, ".build", "release", "cermat"))
    parser.add_argument("--fixture", default=os.path.join(ROOT, "fixtures", "planning", "renja-perubahan-2024-blitar.xlsx"))
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--burst", type=int, default=32, help="simultaneous requests of the over-limit burst")
    args = parser.parse_args()
    body, content_type = multipart(args.fixture)
    report = {"fixture": os.path.relpath(args.fixture, ROOT), "bytes": len(body), "clients": args.clients,
              "cores": os.cpu_count()}

    # 1. Sustained load within the bounds (default limits: one request per core at once, 16 waiting up to 10 s).
    server = Server(args.cermat, [])
    stop, samples = threading.Event(), []
    poller = threading.Thread(target=health_poller, args=(server.port, stop, samples))
    poller.start()
    results, elapsed = load(server.port, body, content_type, args.clients, args.seconds)
    stop.set()
    poller.join()
    report["load"] = summary(results, elapsed)
    report["load"]["healthz"] = health_summary(samples)
    report["load"]["peak_rss_mib"] = round(server.peak_rss_mib(), 1)
    server.stop()

    # 2. A burst beyond the bound: 2 at once, 4 waiting at most 2 s; the rest must get 503 at once.
    server = Server(args.cermat, ["--concurrency", "2", "--queue", "4", "--queue-wait", "2"])
    stop, samples = threading.Event(), []
    poller = threading.Thread(target=health_poller, args=(server.port, stop, samples))
    poller.start()
    burst, lock = [], threading.Lock()
    gate = threading.Barrier(args.burst)

    def one():
        gate.wait()
        outcome = post(server.port, body, content_type)
        with lock:
            burst.append(outcome)

    threads = [threading.Thread(target=one) for _ in range(args.burst)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.3)
    stop.set()
    poller.join()
    refused = [seconds for status, seconds in burst if status == 503]
    report["burst"] = {
        "requests": args.burst, "limits": "--concurrency 2 --queue 4 --queue-wait 2",
        "statuses": {s: sum(1 for status, _ in burst if status == s) for s in sorted({status for status, _ in burst})},
        "refused_worst_ms": round(max(refused) * 1000) if refused else None,
        "healthz": health_summary(samples),
        "peak_rss_mib": round(server.peak_rss_mib(), 1),
    }
    server.stop()

    print(json.dumps(report, indent=2))
    load_ = report["load"]
    print(f"\nload: {args.clients} clients for {load_['seconds']} s: {load_['requests']} requests {load_['statuses']}, "
          f"{load_['throughput_per_s']} lints/s, latency p50 {load_['latency_ms']['p50']} ms, "
          f"p90 {load_['latency_ms']['p90']} ms, p99 {load_['latency_ms']['p99']} ms; peak RSS {load_['peak_rss_mib']} MiB; "
          f"/healthz worst {load_['healthz']['worst_ms']} ms over {load_['healthz']['polls']} polls, "
          f"{load_['healthz']['failed']} failed")
    b = report["burst"]
    print(f"burst: {args.burst} at once against {b['limits']}: {b['statuses']}; 503s answered within "
          f"{b['refused_worst_ms']} ms; at most {b['healthz']['most_held']} requests held; /healthz worst "
          f"{b['healthz']['worst_ms']} ms")
    healthy = load_["healthz"]["failed"] == 0 and b["healthz"]["failed"] == 0
    bounded = b["healthz"]["most_held"] <= 6 and b["statuses"].get(503, 0) > 0
    return 0 if healthy and bounded else 1


if __name__ == "__main__":
    sys.exit(main())
