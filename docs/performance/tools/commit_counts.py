#!/usr/bin/env python3
"""Counts the registry's database commits by thread in each burst of request-thread commits.

Input: the registry's log with Spring's transaction manager at DEBUG
(-Dlogging.level.org.springframework.jdbc.support=DEBUG). Every "Initiating transaction commit" is one physical
commit (a transaction joined by an outer one logs nothing). Request-thread commits closer than GAP seconds form one
burst (a download phase: all clients start within about a second); for each burst, the commits of every thread
group in the same time span are counted too.

usage: commit_counts.py registry-process.log [min-burst]
"""
import re
import sys
from collections import Counter
from datetime import datetime

GAP = 3.0
LINE = re.compile(r"^(\S+)\s+DEBUG .*?\[\s*([^\]]+?)\]\s+\S+\s+: Initiating transaction commit")


def group(thread):
    if "-exec-" in thread:
        return "request threads"
    return re.sub(r"\d+", "N", thread)


def main():
    path = sys.argv[1]
    min_burst = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    commits = []
    with open(path, errors="replace") as log:
        for line in log:
            m = LINE.match(line)
            if m:
                at = datetime.fromisoformat(m.group(1).replace("Z", "+00:00")).timestamp()
                commits.append((at, group(m.group(2))))
    requests = [t for t, g in commits if g == "request threads"]
    bursts, start, last, count = [], None, None, 0
    for t in requests:
        if last is not None and t - last > GAP:
            bursts.append((start, last, count))
            start, count = None, 0
        start = t if start is None else start
        last, count = t, count + 1
    if last is not None:
        bursts.append((start, last, count))
    print(f"all commits {len(commits)}, request threads {len(requests)}")
    for begin, end, n in bursts:
        if n < min_burst:
            continue
        within = Counter(g for t, g in commits if begin <= t <= end)
        span = end - begin
        stamp = datetime.utcfromtimestamp(begin).strftime("%H:%M:%S")
        print(f"burst at {stamp} UTC, {span:.1f} s: " + ", ".join(f"{g} {c}" for g, c in within.most_common()))


if __name__ == "__main__":
    main()
