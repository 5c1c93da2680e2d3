#!/usr/bin/env python3
"""Restart of a vigil daemon on the 100k tree: a first start records every file's content, a
second start with the same state dir takes the saved content record and stats the tree.

  restartbench.py --work DIR --tree DIR [--changed 100]

Per start: ready (process start -> first detected save), the time until the console says every
file is recorded, CPU seconds and bytes read and read calls (/proc/PID/io rchar, syscr; whole process) at that point.
Between the starts --changed files get new content (same size, new mtime) while vigil is down.
"""

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import procs  # noqa: E402
import tools  # noqa: E402
import watchbench  # noqa: E402


def io(pid, key):
    with open("/proc/%d/io" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return -1


def one_start(tool, tree, target, work, stamp):
    log = os.path.join(work, tool.slug() + ".log")
    offset = os.path.getsize(log) if os.path.exists(log) else 0
    st = watchbench.Stamps(stamp)
    start = time.time_ns()
    tool.start(tree, target, stamp, work)
    try:
        s = watchbench.wait_ready(tool, st, target, start, 180)
        if s is None:
            return {"error": "no run within 180 s"}
        r = {"ready_s": (s - start) / 1e9, "cpu_ready_s": procs.cpu_seconds(tool.proc.pid)}
        r["recorded_s"] = watchbench.wait_for_line(log, "files recorded in", start, 300, offset)
        r["cpu_recorded_s"] = procs.cpu_seconds(tool.proc.pid)
        r["read_mb"] = io(tool.proc.pid, "rchar") / 1e6
        r["read_calls"] = io(tool.proc.pid, "syscr")
        return r
    finally:
        tool.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--tree", required=True)
    ap.add_argument("--changed", type=int, default=100)
    args = ap.parse_args()
    target = os.path.join(args.tree, "g25", "d2500", "f10.txt")
    stamp = os.path.join(args.work, "restart-stamps")
    tool = tools.Vigil()
    first = one_start(tool, args.tree, target, args.work, stamp)
    changed = 0
    for dirpath, _, files in os.walk(args.tree):
        for name in files:
            if changed >= args.changed:
                break
            path = os.path.join(dirpath, name)
            with open(path, "r+b") as f:
                data = f.read()
                f.seek(0)
                f.write(bytes(reversed(data)) if len(data) > 1 else b"x")
            changed += 1
        if changed >= args.changed:
            break
    time.sleep(2.5)  # past the racy window, so the changed files are plain stat mismatches
    tool.keep_state = True
    second = one_start(tool, args.tree, target, args.work, stamp)
    for name, r in (("first start", first), ("restart, %d files changed" % changed, second)):
        print("%-28s %s" % (name, " ".join("%s=%s" % (k, ("%.2f" % v) if isinstance(v, float)
                                                       else v) for k, v in r.items())))


if __name__ == "__main__":
    main()
