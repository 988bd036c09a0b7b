#!/usr/bin/env python3
"""The registry's heap after each collection, from a unified GC log (-Xlog:gc:file=...), in the window of the run
from FROM seconds of JVM uptime on (default 0), young and full collections only (a remark or cleanup pause frees
nothing by itself): how many collections, the heap after GC at the first and last of them,
its range, and the median of the first and of the last third (flat: the two medians are close).

usage: gc_heap.py gc.log [FROM-seconds]"""
import re
import statistics
import sys

LINE = re.compile(r"^\[(\d+\.\d+)s\].*GC\(\d+\) Pause (?:Young|Full).*? (\d+)M->(\d+)M\((\d+)M\)")
since = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
after = [(float(m.group(1)), int(m.group(3))) for m in map(LINE.match, open(sys.argv[1])) if m and float(m.group(1)) >= since]
if not after:
    print("no collections")
    sys.exit()
heap = [h for _, h in after]
third = max(1, len(heap) // 3)
print(f"{len(heap)} collections from {after[0][0]:.0f} s to {after[-1][0]:.0f} s of uptime; heap after GC "
      f"{heap[0]} -> {heap[-1]} MB (range {min(heap)}-{max(heap)}); median of the first third "
      f"{statistics.median(heap[:third])} MB, of the last third {statistics.median(heap[-third:])} MB; lowest in the "
      f"first third {min(heap[:third])} MB, in the last third {min(heap[-third:])} MB")
