#!/usr/bin/env python3
"""Summarises a JFR recording (JDK 17's `jfr` has no `view`): hot methods by self samples, the share of samples
under chosen frames, sampled allocation weight by class and allocating frame, GC count, and collapsed stacks for
flame_svg.py. Streams `jfr print` text, so a large recording needs little memory.

usage: jfr_summary.py RECORDING.jfr OUT_PREFIX [since HH:MM:SS]   (UTC wall clock of the recording)
writes OUT_PREFIX-hot.txt and OUT_PREFIX.collapsed"""
import collections, re, subprocess, sys

NEEDLES = ["sun.nio.ch.FileChannelImpl.transferTo", "sun.nio.ch.FileChannelImpl.transferToArbitraryChannel",
           "io.modelregistry.query.download.PackageZip.writeRange",
           "org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper.processSendfile",
           "org.apache.catalina.connector.OutputBuffer.flushByteBuffer",
           "io.modelregistry.query.download.DownloadGate.clear",
           "io.modelregistry.query.download.DownloadFiles.fileOf",
           "org.h2.", "org.axonframework.", "ch.qos.logback.", "io.micrometer."]

def parse(path, event):
    """Yields (startTime, frames, fields) per event."""
    proc = subprocess.Popen(["jfr", "print", "--stack-depth", "64", "--events", event, path],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    fields, stack, in_stack = {}, [], False
    for line in proc.stdout:
        s = line.strip()
        if s.endswith("{") and not s.startswith("stackTrace"):
            if s.startswith("jdk."):
                fields, stack, in_stack = {}, [], False
            continue
        if s.startswith("stackTrace = ["):
            in_stack = True
            continue
        if in_stack:
            if s == "]" or s == "],":
                in_stack = False
            elif s and s != "...":
                stack.append(re.sub(r"\(.*", "", s))
            continue
        if s == "}" and fields.get("startTime") is not None:
            yield fields["startTime"], stack, fields
            fields = {}
            continue
        m = re.match(r"(\w+) = (.*)", s)
        if m:
            fields[m.group(1)] = m.group(2)
    proc.wait()

def main():
    path, prefix = sys.argv[1], sys.argv[2]
    since = sys.argv[3] if len(sys.argv) > 3 else ""
    stacks = [st for t, st, _ in parse(path, "jdk.ExecutionSample") if t[:8] >= since and st]
    total = len(stacks) or 1
    self_counts = collections.Counter(s[0] for s in stacks)
    under = collections.Counter()
    for s in stacks:
        for m in set(s):
            under[m] += 1
    out = [f"{len(stacks)} execution samples" + (f" from {since} UTC" if since else ""), "",
           "top 25 methods by self samples:"]
    out += [f"  {c / total * 100:5.1f} %  {m}" for m, c in self_counts.most_common(25)]
    out += ["", "share of samples with a frame starting so anywhere on the stack (stacks cut at 64 frames):"]
    for needle in NEEDLES:
        hits = sum(1 for s in stacks if any(f.startswith(needle) for f in s))
        out.append(f"  {hits / total * 100:5.1f} %  {needle}")
    weight = collections.Counter()
    for t, st, f in parse(path, "jdk.ObjectAllocationSample"):
        if t[:8] >= since:
            w = f.get("weight", "0").replace(",", "")
            num = float(re.match(r"[\d.]+", w).group(0)) if re.match(r"[\d.]+", w) else 0
            unit = w.split()[-1] if " " in w else "bytes"
            num *= {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}.get(unit, 1)
            weight[(f.get("objectClass", "?").split(" ")[0], st[0] if st else "?")] += num
    all_weight = sum(weight.values()) or 1
    out += ["", f"sampled allocation weight: {all_weight / 1e9:.2f} GB; top 12 (class, allocating frame):"]
    out += [f"  {w / all_weight * 100:5.1f} %  {w / 1e6:9.1f} MB  {k[0]}  at {k[1]}" for k, w in weight.most_common(12)]
    gcs = [f for t, _, f in parse(path, "jdk.GarbageCollection") if t[:8] >= since]
    out += ["", f"garbage collections: {len(gcs)}"]
    writes = [f for t, _, f in parse(path, "jdk.SocketWrite") if t[:8] >= since]
    sizes = collections.Counter(f.get("bytesWritten", "?") for f in writes)
    out += [f"jdk.SocketWrite events (writes over the 20 ms threshold): {len(writes)}; most common sizes: "
            + ", ".join(f"{k} x{v}" for k, v in sizes.most_common(3))]
    open(prefix + "-hot.txt", "w").write("\n".join(out) + "\n")
    collapsed = collections.Counter(";".join(reversed(s)) for s in stacks)
    open(prefix + ".collapsed", "w").write("".join(f"{k} {v}\n" for k, v in collapsed.items()))
    print("\n".join(out))

main()
