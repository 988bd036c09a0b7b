#!/usr/bin/env python3
"""Markdown rows of registry ÷ nginx ratios from workload JSON results (WorkloadBenchmark's output).

usage: ratios_table.py LABEL=result.json [LABEL=result.json ...]"""
import json, sys

print("| run | round | kind | registry MB/s | nginx MB/s | MB/s and downloads/s ÷ nginx | mean ÷ | median ÷ | p99 ÷ "
      "| max ÷ | registry p99 ms | registry CPU cores (mean) | nginx CPU cores (mean) | errors |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for arg in sys.argv[1:]:
    label, path = arg.split("=", 1)
    d = json.load(open(path))
    rounds = d["downloads"]["rounds"]
    for r in rounds:
        for kind in ("full", "weights"):
            x = r[kind]
            ours, theirs, q = x["registry"], x["nginx"], x["ratio_registry_to_nginx"]
            lat = q["latency"]
            print(f"| {label} | {r['round']} | {kind} | {ours['megabytes_per_second']:.0f} | "
                  f"{theirs['megabytes_per_second']:.0f} | {q['megabytes_per_second']:.2f} / "
                  f"{q['downloads_per_second']:.2f} | {lat['mean']:.2f} | {lat['median']:.2f} | {lat['p99']:.2f} | "
                  f"{lat['max']:.2f} | {ours['latency_ms']['p99']:,.0f} | {ours['server']['cpu_cores_mean']} | "
                  f"{theirs['server']['cpu_cores_mean']} | {ours.get('errors', 0) + theirs.get('errors', 0)} |")
    m = d["downloads"].get("median_ratio_registry_to_nginx", {})
    for kind in ("full", "weights"):
        k = m.get(kind)
        if k:
            print(f"| **{label}** | **median** | **{kind}** | | | **{k['megabytes_per_second']:.2f}** / "
                  f"{k['downloads_per_second']:.2f} | {k['latency.mean']:.2f} | {k['latency.median']:.2f} | "
                  f"**{k['latency.p99']:.2f}** | {k['latency.max']:.2f} | | | | |")
