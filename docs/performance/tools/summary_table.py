#!/usr/bin/env python3
"""One markdown row per run and kind from workload JSON results (WorkloadBenchmark's output): the medians of the
per-round ratios registry / nginx, the registry's and nginx's CPU (mean over rounds), errors, downloads redirected,
seeding time, the load average at the run's start (when the JSON has it) and the registry's RSS over the run.

usage: summary_table.py LABEL=result.json [LABEL=result.json ...]"""
import json
import statistics
import sys

print("| run | load avg at start | kind | MB/s ÷ nginx | p99 ÷ nginx | mean ÷ | registry CPU cores | nginx CPU cores "
      "| errors | redirected | seeding s (models) | registry RSS MB first / max / last |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for arg in sys.argv[1:]:
    label, path = arg.split("=", 1)
    d = json.load(open(path))
    rounds = d["downloads"]["rounds"]
    kinds = [k for k in rounds[0] if k != "round"]
    load = d.get("load_average", {}).get("at_start", "").split(" ")[0] or "–"
    seeding = d["seeding"]
    rss = d["server"]["resident_mb"]
    for kind in kinds:
        per = [r[kind] for r in rounds if kind in r]
        ratios = [p["ratio_registry_to_nginx"] for p in per if "ratio_registry_to_nginx" in p]
        med = lambda f: statistics.median(f(q) for q in ratios)
        cpu = statistics.mean(p["registry"]["server"]["cpu_cores_mean"] for p in per)
        ncpu = statistics.mean(p["nginx"]["server"]["cpu_cores_mean"] for p in per if "nginx" in p)
        errors = sum(p["registry"]["errors"] + p.get("nginx", {}).get("errors", 0) for p in per)
        redirected = sum(p["registry"].get("redirected", 0) for p in per)
        downloads = sum(p["registry"]["downloads"] for p in per)
        print(f"| {label} | {load} | {kind} | **{med(lambda q: q['megabytes_per_second']):.2f}** | "
              f"**{med(lambda q: q['latency']['p99']):.2f}** | {med(lambda q: q['latency']['mean']):.2f} | "
              f"{cpu:.2f} | {ncpu:.2f} | {errors} | {redirected} of {downloads} | "
              f"{seeding['seconds']:.1f} ({seeding['models']}) | {rss['first']:.0f} / {rss['max']:.0f} / {rss['last']:.0f} |")
