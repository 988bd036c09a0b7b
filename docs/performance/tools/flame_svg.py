#!/usr/bin/env python3
"""Renders collapsed stacks ("root;child;leaf COUNT" per line, as jfr_summary.py writes them) as a static SVG
flame graph: width is the share of samples, the root at the bottom. No dependencies; hover a frame for its name,
samples and share.

usage: flame_svg.py IN.collapsed OUT.svg "title" """
import html, sys, zlib

def main():
    src, out, title = sys.argv[1], sys.argv[2], sys.argv[3]
    root = {"n": 0, "c": {}}
    for line in open(src):
        line = line.rstrip("\n")
        if not line:
            continue
        stack, count = line.rsplit(" ", 1)
        node = root
        node["n"] += int(count)
        for frame in stack.split(";"):
            node = node["c"].setdefault(frame, {"n": 0, "c": {}})
            node["n"] += int(count)
    width, row, total = 1200.0, 16, max(root["n"], 1)
    rects = []
    depth_max = [0]

    def walk(node, name, x, depth):
        w = node["n"] / total * width
        if w < 0.3:
            return
        depth_max[0] = max(depth_max[0], depth)
        rects.append((x, depth, w, name, node["n"]))
        cx = x
        for child_name, child in sorted(node["c"].items()):
            walk(child, child_name, cx, depth + 1)
            cx += child["n"] / total * width

    walk(root, "all", 0.0, 0)
    height = (depth_max[0] + 1) * row + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{height}" '
             f'font-family="monospace" font-size="11">',
             f'<text x="4" y="16" font-size="14">{html.escape(title)} ({total} samples)</text>']
    for x, depth, w, name, n in rects:
        y = height - (depth + 1) * row
        hue = zlib.crc32(name.split(".")[0].encode()) % 60
        short = name.rsplit(".", 2)
        label = ".".join(short[-2:]) if len(short) > 1 else name
        chars = int(w / 6.5)
        text = html.escape(label if len(label) <= chars else label[:max(chars - 2, 0)] + "..") if chars > 2 else ""
        parts.append(f'<g><title>{html.escape(name)}: {n} samples, {n / total * 100:.1f} %</title>'
                     f'<rect x="{x:.2f}" y="{y}" width="{w:.2f}" height="{row - 1}" '
                     f'fill="hsl({hue + 10},85%,{55 + depth % 3 * 5}%)"/>'
                     f'<text x="{x + 2:.2f}" y="{y + 11}">{text}</text></g>')
    parts.append("</svg>")
    open(out, "w").write("\n".join(parts))

main()
