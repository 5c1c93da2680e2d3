"""What wakes an idle process: CPU time and wake-ups (context switches) per thread over a window.

  python3 bench/lib/threadcpu.py PID [SECONDS]

Reads /proc/PID/task/*/stat (utime + stime) and .../status (voluntary and involuntary context
switches) at the start and the end of the window and prints the difference for each thread that
did anything, busiest first, then the sum. A thread that appears or ends within the window is
counted from its first sight; one that ends within it is counted only in the process's line."""

import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def sample(pid):
    out = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        base = "/proc/%d/task/%s/" % (pid, tid)
        try:
            with open(base + "stat") as f:
                data = f.read()
            with open(base + "status") as f:
                status = f.read()
        except OSError:
            continue
        name = data[data.index("(") + 1:data.rindex(")")]
        fields = data[data.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])
        switches = 0
        for line in status.splitlines():
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                switches += int(line.split()[1])
        out[tid] = (name, ticks, switches)
    return out


def process_ticks(pid):
    """utime + stime of the whole process, threads that ended included."""
    with open("/proc/%d/stat" % pid) as f:
        data = f.read()
    fields = data[data.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def main():
    pid = int(sys.argv[1])
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 60
    before = sample(pid)
    p0 = process_ticks(pid)
    time.sleep(seconds)
    after = sample(pid)
    p1 = process_ticks(pid)
    rows = []
    for tid, (name, ticks, switches) in after.items():
        _, t0, s0 = before.get(tid, (name, 0, 0))
        if ticks - t0 or switches - s0:
            rows.append((ticks - t0, switches - s0, name, tid))
    rows.sort(reverse=True)
    print("# pid %d, %.0f s: CPU seconds and wake-ups (context switches) per thread" % (pid, seconds))
    for ticks, switches, name, tid in rows:
        print("%-28s tid %-7s cpu %6.2f s  wake-ups %6d" % (name, tid, ticks / TICK, switches))
    print("%-28s %11s cpu %6.2f s  wake-ups %6d" % (
        "total", "", sum(r[0] for r in rows) / TICK, sum(r[1] for r in rows)))
    ended = [before[t][0] for t in before if t not in after]
    print("%-28s %11s cpu %6.2f s  (threads that ended meanwhile: %s)" % (
        "process", "", (p1 - p0) / TICK, ", ".join(ended) or "none"))


if __name__ == "__main__":
    main()
