#!/usr/bin/env python3
"""Drives the watcher benchmarks.

  watchbench.py latency  --work DIR [--saves 50] [--tools vigil,entr,...]
  watchbench.py latencyflags --work DIR [--saves 50] [--rounds 3]
  watchbench.py largetree --work DIR --tree DIR [--idle 60] [--tools ...] [--variants]
  watchbench.py gentree --tree DIR [--files 100000] [--dirs 5000]

A save is an in-place write of new content (open with O_TRUNC, write, close); the driver
takes time.time_ns() just before it. The watched command appends `date +%s%N` to a stamp
file; the latency of a save is the first stamp at or after the write minus the write time.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import procs  # noqa: E402
import tools  # noqa: E402

POLL = 0.001


class Stamps:
    """Reads the stamp file as it grows."""

    def __init__(self, path):
        self.path = path
        self.offset = 0
        self.seen = []
        open(path, "w").close()

    def poll(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return
        end = data.rfind(b"\n")
        if end < 0:
            return
        self.offset += end + 1
        self.seen.extend(int(x) for x in data[:end].split())

    def wait_after(self, t0, timeout, skip=0):
        """First stamp >= t0 (after `skip` stamps of any time), or None at the timeout."""
        deadline = time.monotonic() + timeout
        while True:
            self.poll()
            later = [s for s in self.seen[skip:] if s >= t0]
            if later:
                return later[0]
            if time.monotonic() > deadline:
                return None
            time.sleep(POLL)


def save(path, n):
    t0 = time.time_ns()
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    os.write(fd, b"save %d at %d\n" % (n, t0))
    os.close(fd)
    return t0


def pct(values, p):
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def select(names):
    all_tools = {"vigil": tools.Vigil()}
    for t in tools.peers():
        all_tools[t.name.split()[0]] = t
    if not names:
        return list(all_tools.values())
    return [all_tools[n] for n in names.split(",")]


def wait_ready(tool, stamps, target, start_ns, timeout, on_tick=None):
    """Saves until a run shows up; returns the stamp of the first detected save."""
    n = 0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if on_tick:
            on_tick()
        n += 1
        t0 = save(target, n)
        s = stamps.wait_after(max(t0, start_ns), tool.settle, skip=tool.initial_runs)
        if s is not None:
            return s
        if tool.proc.poll() is not None:
            return None
    return None


# ---------------------------------------------------------------- latency

def small_tree(work, name):
    """A fresh one-file tree for the latency drivers; returns (root, the file that is saved)."""
    root = os.path.join(work, name)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "src"))
    target = os.path.join(root, "src", "main.txt")
    with open(target, "w") as f:
        f.write("start\n")
    return root, target


def latency(args):
    work = args.work
    root, target = small_tree(work, "latency-tree")
    rows = []
    stamp = os.path.join(work, "latency-stamps")

    # baseline: the driver spawns `sh -c CMD` itself
    st = Stamps(stamp)
    lat = []
    for i in range(args.saves + 5):
        t0 = time.time_ns()
        subprocess.Popen(["sh", "-c", tools.stamp_cmd(stamp)]).wait()
        s = st.wait_after(t0, 5)
        if i >= 5:
            lat.append((s - t0) / 1e6)
    rows.append(("sh -c spawn (baseline)", lat, 0, args.saves, "python Popen sh -c CMD"))
    print_row(rows[-1], flush=True)

    for tool in select(args.tools):
        st = Stamps(stamp)
        start = time.time_ns()
        try:
            tool.start(root, target, stamp, work)
        except FileNotFoundError as e:
            rows.append((tool.name, [], 0, args.saves,
                         "not installed (%s): run bench/install-peers.sh" % e.filename))
            print_row(rows[-1], flush=True)
            continue
        try:
            if wait_ready(tool, st, target, start, 120) is None:
                rows.append((tool.name, [], 0, args.saves, "never ran the command"))
                print_row(rows[-1], flush=True)
                continue
            time.sleep(tool.settle + 0.3)
            lat, missed, saved = [], 0, []
            first = len(st.seen)
            for i in range(args.saves + 5):
                t0 = save(target, 1000 + i)
                if i >= 5:
                    saved.append(t0)
                s = st.wait_after(t0, max(5, 4 * tool.settle))
                if s is None:
                    missed += 1
                elif i >= 5:
                    lat.append((s - t0) / 1e6)
                time.sleep(tool.settle + 0.2)
            st.poll()
            runs = len(st.seen) - first
            rows.append((tool.name, lat, missed, args.saves,
                         "%s; %.2f runs per save" % (tool.invocation, runs / (args.saves + 5))))
        finally:
            tool.stop()
        print_row(rows[-1], flush=True)
        if hasattr(tool, "state_dir"):
            # vigil's own record of when each run started (its first stage is spawned ~0.5 ms
            # later, and `date` runs ~1.2 ms after that: the exec every tool pays)
            starts = sorted(started_ns(r) for r in read_history(tool.state_dir))
            own = []
            for t0 in saved:
                later = [x for x in starts if x >= t0]
                if later:
                    own.append((later[0] - t0) / 1e6)
            rows.append((tool.name + " (run startedAt)", own, args.saves - len(own), args.saves,
                         "run record's startedAt, from history.jsonl"))
            print_row(rows[-1], flush=True)


def latency_flag_sets():
    """vigil's launcher flags against the same without the start path's compile thresholds."""
    base = tools.launcher_opts()
    without = " ".join(w for w in base.split() if not w.startswith("-XX:CompileCommand="))
    whole = without.replace("CompileThresholdScaling=0.1", "CompileThresholdScaling=0.02")
    return [("launcher flags", base),
            ("without the per-package thresholds", without),
            ("whole JVM at 0.02 instead", whole)]


def latency_flags(args):
    """Save -> command p50 of vigil under each flag set, in interleaved rounds of 50 saves."""
    work = args.work
    root, target = small_tree(work, "latency-flags-tree")
    stamp = os.path.join(work, "latency-flags-stamps")
    sets = latency_flag_sets()
    lat = {name: [] for name, _ in sets}
    per_round = {name: [] for name, _ in sets}
    for r in range(args.rounds):
        for name, opts in sets:
            st = Stamps(stamp)
            tool = tools.Vigil("vigil " + name, jvm_opts=opts)
            tool.start(root, target, stamp, work)
            try:
                if wait_ready(tool, st, target, time.time_ns(), 120) is None:
                    sys.exit("latency-flags: %s never ran its command" % name)
                time.sleep(tool.settle + 0.3)
                got = []
                for i in range(args.saves + 5):
                    t0 = save(target, 2000 + i)
                    s = st.wait_after(t0, 5)
                    if s is not None and i >= 5:
                        got.append((s - t0) / 1e6)
                    time.sleep(tool.settle + 0.2)
            finally:
                tool.stop()
            lat[name] += got
            per_round[name].append(statistics.median(got))
            print("round %d %-36s p50_ms=%.2f" % (r + 1, name, per_round[name][-1]), flush=True)
    for name, opts in sets:
        print("%-36s n=%-4d p50_ms=%6.2f p99_ms=%6.2f rounds=%s | %s"
              % (name, len(lat[name]), statistics.median(lat[name]), pct(lat[name], 99),
                 " ".join("%.2f" % x for x in per_round[name]), opts), flush=True)


def print_row(row, flush=False):
    name, lat, missed, saves, note = row
    if lat:
        print("%-24s n=%-3d p50_ms=%8.2f p99_ms=%8.2f min_ms=%8.2f max_ms=%8.2f missed=%d | %s"
              % (name, len(lat), statistics.median(lat), pct(lat, 99), min(lat), max(lat),
                 missed, note), flush=flush)
    else:
        print("%-24s n=0   missed=%d | %s" % (name, missed, note), flush=flush)


# ---------------------------------------------------------------- large tree

def gentree(args):
    tree = args.tree
    marker = os.path.join(tree, ".complete")
    if os.path.exists(marker):
        print("tree %s exists (%d files in %d dirs)" % (tree, args.files, args.dirs))
        return
    shutil.rmtree(tree, ignore_errors=True)
    per_dir = args.files // args.dirs
    for d in range(args.dirs):
        # 50 top-level groups of 100 dirs each: a realistic two-level source layout
        dpath = os.path.join(tree, "g%02d" % (d // 100), "d%04d" % d)
        os.makedirs(dpath)
        for i in range(per_dir):
            with open(os.path.join(dpath, "f%02d.txt" % i), "w") as f:
                f.write("file %d/%d\n" % (d, i))
    open(marker, "w").close()
    print("generated %s: %d files in %d dirs" % (tree, args.files, args.dirs))


def vigil_variants():
    base = tools.launcher_opts()
    jsa = os.path.join(tools.BENCH, "out", "vigil.jsa")
    return [
        tools.Vigil("vigil launcher flags"),
        tools.Vigil("vigil plain java -jar", jvm_opts=""),
        tools.Vigil("vigil without per-package thresholds",
                    jvm_opts=" ".join(w for w in base.split()
                                      if not w.startswith("-XX:CompileCommand="))),
        tools.Vigil("vigil +Xmx64m", jvm_opts=base.replace("-Xmx96m", "-Xmx64m")),
        tools.Vigil("vigil +Xss256k", jvm_opts=base.replace("-Xss512k", "-Xss256k")),
        tools.Vigil("vigil +CodeCache16m+Metaspace64m",
                    jvm_opts=base + " -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=64m"),
        tools.Vigil("vigil +MALLOC_ARENA_MAX=2", env={"MALLOC_ARENA_MAX": "2"}),
        tools.Vigil("vigil +AppCDS", jvm_opts=base + " -XX:SharedArchiveFile=" + jsa),
        tools.Vigil("vigil C2 (no TieredStop)",
                    jvm_opts=base.replace("-XX:TieredStopAtLevel=1", "")),
        tools.Vigil("vigil lean (all above)",
                    jvm_opts=base.replace("-Xss512k", "-Xss256k").replace("-Xmx96m", "-Xmx64m")
                    + " -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=64m"
                    + " -XX:-UsePerfData -XX:SharedArchiveFile=" + jsa,
                    env={"MALLOC_ARENA_MAX": "2"}),
    ]


def measure_tree(tool, tree, target, work, idle, stamp):
    st = Stamps(stamp)
    log = os.path.join(work, tool.slug() + ".log")
    log_offset = os.path.getsize(log) if os.path.exists(log) else 0  # the log is appended to
    start = time.time_ns()
    tool.start(tree, target, stamp, work)
    r = {"name": tool.name, "invocation": tool.invocation}
    status = os.path.join(getattr(tool, "state_dir", "/nonexistent"), "status.json")

    def watch_status():
        # vigil only: when status.json first says the project is watching
        if "watching_s" not in r and project_state(status) == "watching":
            r["watching_s"] = (time.time_ns() - start) / 1e9

    try:
        s = wait_ready(tool, st, target, start, 180,
                       watch_status if hasattr(tool, "state_dir") else None)
        if s is None:
            r["error"] = "no run within 180 s (exit %s; see %s.log)" % (
                tool.proc.poll(), tool.slug())
            return r
        r["ready_s"] = (s - start) / 1e9
        r["cpu_ready_s"] = procs.cpu_seconds(tool.proc.pid)
        r["rss_ready_mb"] = procs.rss_mb(tool.proc.pid)
        r["procs"] = procs.describe(tool.proc.pid)
        time.sleep(max(2.0, tool.settle + 0.5))
        if idle > 0 and hasattr(tool, "state_dir"):
            # vigil records every file's content in the background after ready, and says so on
            # its console when done: idle begins after that start-up work
            r["baseline_s"] = wait_for_line(log, "files recorded in", start, 300, log_offset)
            r["cpu_recorded_s"] = procs.cpu_seconds(tool.proc.pid)
        if idle > 0:
            time.sleep(3)
            c0 = procs.cpu_seconds(tool.proc.pid)
            time.sleep(idle)
            r["idle_cpu_s"] = procs.cpu_seconds(tool.proc.pid) - c0
            r["rss_idle_mb"] = procs.rss_mb(tool.proc.pid)
        # touch: mtime only
        st.poll()
        before = len(st.seen)
        os.utime(target)
        time.sleep(max(1.5, 3 * tool.settle))
        st.poll()
        r["touch_runs"] = len(st.seen) - before
        # and a save still runs afterwards
        t0 = save(target, 999999)
        r["save_after_touch"] = st.wait_after(t0, max(5, 4 * tool.settle)) is not None
    finally:
        tool.stop()
    return r


def wait_for_line(log, text, start_ns, timeout, offset=0):
    """Seconds from start_ns until a line containing text is in the log past offset (the log of
    earlier runs before it); None on timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(log, "rb") as f:
                f.seek(offset)
                if any(text in line for line in f.read().decode(errors="replace").splitlines()):
                    return (time.time_ns() - start_ns) / 1e9
        except OSError:
            pass
        time.sleep(0.1)
    return None


def project_state(status_file):
    import json
    try:
        with open(status_file) as f:
            return json.load(f)["projects"][0]["state"]
    except (OSError, ValueError, KeyError, IndexError):
        return None


def print_tree_row(r):
    if "error" in r:
        print("%-34s ERROR %s" % (r["name"], r["error"]), flush=True)
        return
    print("%-34s ready_s=%6.3f rss_ready_mb=%7.1f cpu_to_ready_s=%6.2f%s touch_runs=%d "
          "save_after_touch=%s procs=%s%s"
          % (r["name"], r["ready_s"], r["rss_ready_mb"], r["cpu_ready_s"],
             (" idle_cpu_s=%.3f rss_idle_mb=%.1f" % (r["idle_cpu_s"], r["rss_idle_mb"]))
             if "idle_cpu_s" in r else "",
             r["touch_runs"], r["save_after_touch"], r["procs"],
             (" status_watching_s=%.3f" % r["watching_s"]) if "watching_s" in r else "")
          + ((" content_recorded_s=%s cpu_to_recorded_s=%.2f"
              % ("%.2f" % r["baseline_s"] if r["baseline_s"] else "timeout", r["cpu_recorded_s"]))
             if "baseline_s" in r else ""),
          flush=True)


def largetree(args):
    tree = args.tree
    target = os.path.join(tree, "g25", "d2500", "f10.txt")
    stamp = os.path.join(args.work, "tree-stamps")
    # warm the page cache so the first tool does not pay for a cold tree
    subprocess.run(["find", tree, "-type", "f", "-newer", "/nonexistent"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run(["sh", "-c", "find %s -type f | tail -1 >/dev/null" % tree])
    if args.variants:
        for rep in range(args.reps):
            for tool in vigil_variants():
                r = measure_tree(tool, tree, target, args.work, 0, stamp)
                r["name"] += " #%d" % (rep + 1)
                print_tree_row(r)
        return
    for tool in select(args.tools):
        print_tree_row(measure_tree(tool, tree, target, args.work, args.idle, stamp))


# ---------------------------------------------------------------- AppCDS archive

def cds(args):
    """Makes bench/out/vigil.jsa from a daemon run that saw one save (daemon classes loaded)."""
    jsa = os.path.join(tools.BENCH, "out", "vigil.jsa")
    if os.path.exists(jsa) and os.path.getmtime(jsa) > os.path.getmtime(
            os.path.join(tools.REPO, "target", "vigil.jar")):
        print("archive %s is up to date" % jsa)
        return
    root = os.path.join(args.work, "cds-tree")
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    target = os.path.join(root, "src", "a.txt")
    with open(target, "w") as f:
        f.write("x\n")
    tool = tools.Vigil("vigil-cds-dump",
                       jvm_opts=tools.launcher_opts() + " -XX:ArchiveClassesAtExit=" + jsa)
    st = Stamps(os.path.join(args.work, "cds-stamps"))
    tool.start(root, target, st.path, args.work)
    try:
        if wait_ready(tool, st, target, time.time_ns(), 60) is None:
            sys.exit("cds: the dump run never ran its stage")
        time.sleep(1)
    finally:
        tool.stop()
    print("archive %s: %d bytes" % (jsa, os.path.getsize(jsa)))


# ---------------------------------------------------------------- bulk change

def started_ns(record):
    """A run record's startedAt in ns since the epoch (microsecond precision)."""
    from datetime import datetime
    text = record["startedAt"].replace("Z", "+00:00")
    head, _, rest = text.partition(".")
    if rest:  # at most 6 fraction digits for fromisoformat
        frac, _, zone = rest.partition("+")
        text = head + "." + frac[:6].ljust(6, "0") + "+" + zone
    return int(datetime.fromisoformat(text).timestamp() * 1e6) * 1000


def read_history(state_dir):
    import json
    path = os.path.join(state_dir, "history.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def bulk(args):
    """One tree of 5,000 files rewritten by one cp -r, three rounds, for vigil and then for each
    peer named in --tools (default: vigil and watchman). vigil's runs come from its history (with
    the paths each listed); a peer's are the stamps its command wrote after the cp began."""
    tree = os.path.join(args.bulk_dir, "bulk-tree")
    names = args.tools or "vigil,watchman"
    for name in names.split(","):
        tool = tools.Vigil("vigil-bulk") if name == "vigil" else select(name)[0]
        print("### %s" % tool.name, flush=True)
        try:
            bulk_rounds(args, tool, tree)
        except FileNotFoundError as e:
            print("not installed (%s): run bench/install-peers.sh" % e.filename, flush=True)


def bulk_tree(args, tree):
    shutil.rmtree(tree, ignore_errors=True)
    paths = []
    for d in range(50):
        os.makedirs(os.path.join(tree, "d%02d" % d))
        for i in range(args.files // 50):
            p = os.path.join(tree, "d%02d" % d, "f%03d.txt" % i)
            with open(p, "w") as f:
                f.write("initial\n")
            paths.append(p)
    return paths


def bulk_rounds(args, tool, tree):
    from datetime import datetime
    paths = bulk_tree(args, tree)
    target = paths[0]
    stamp = os.path.join(args.work, "bulk-stamps")
    st = Stamps(stamp)
    is_vigil = isinstance(tool, tools.Vigil)
    tool.start(tree, target, stamp, args.work)
    try:
        if wait_ready(tool, st, target, time.time_ns(), 60) is None:
            print("%s: never ran its command" % tool.name, flush=True)
            return
        time.sleep(1)
        for rnd in range(1, args.rounds + 1):
            before = len(read_history(tool.state_dir)) if is_vigil else 0
            # new contents are prepared outside the tree; cp then rewrites every file in
            # place (O_TRUNC), as fast as a branch switch would
            staging = os.path.join(args.bulk_dir, "bulk-staging")
            shutil.rmtree(staging, ignore_errors=True)
            for p in paths:
                q = os.path.join(staging, os.path.relpath(p, tree))
                os.makedirs(os.path.dirname(q), exist_ok=True)
                with open(q, "w") as f:
                    f.write("round %d %s\n" % (rnd, p))
            t_first = time.time_ns()
            subprocess.run(["cp", "-r", staging + "/.", tree + "/"], check=True)
            t_last = time.time_ns()
            st.wait_after(t_first, 30)
            time.sleep(3)  # any later run for the same writes would show up by now
            st.poll()
            stamps = [x for x in st.seen if x >= t_first]
            s = stamps[-1] if stamps else None
            if not is_vigil:
                print("round %d: runs=%d write_span_ms=%.1f stage_stamp_minus_last_write_ms=%.1f"
                      % (rnd, len(stamps), (t_last - t_first) / 1e6,
                         ((s - t_last) / 1e6) if s else float("nan")), flush=True)
                continue
            runs = read_history(tool.state_dir)[before:]
            if not runs:
                print("round %d: no run recorded" % rnd, flush=True)
                continue
            # the run that covers the last write is the last one; with a write span over
            # max_wait there are several, and together they must list every path
            rec = runs[-1]
            started = datetime.fromisoformat(rec["startedAt"].replace("Z", "+00:00"))
            started_ns = int(started.timestamp() * 1e6) * 1000
            changed = set()
            for run in runs:
                changed |= set(run["trigger"]["changed"])
            want = {os.path.relpath(p, tree) for p in paths}
            print("round %d: runs=%d write_span_ms=%.1f last_run_startedAt_minus_last_write_ms=%.1f "
                  "stage_stamp_minus_last_write_ms=%.1f changedCount=%s all_paths_listed=%s "
                  "truncated=%s"
                  % (rnd, len(runs), (t_last - t_first) / 1e6, (started_ns - t_last) / 1e6,
                     ((s - t_last) / 1e6) if s else float("nan"),
                     "+".join(str(r["trigger"].get("changedCount")) for r in runs),
                     changed == want,
                     any(r["trigger"].get("truncated") for r in runs)), flush=True)
    finally:
        tool.stop()


# ---------------------------------------------------------------- flood memory

def flood(args):
    cfg = os.path.join(args.work, "flood.yaml")
    root = os.path.join(args.work, "flood-root")
    os.makedirs(root, exist_ok=True)
    with open(cfg, "w") as f:
        f.write("version: 1\nprojects:\n  - name: flood\n    root: %s\n    stages:\n"
                "      - {name: flood, run: \"yes 0123456789abcdefghij | head -c 300000000\"}\n"
                % root)
    for label, opts in [("launcher flags", None), ("plain java -jar", "")]:
        env = dict(os.environ)
        if opts is not None:
            env["VIGIL_JAVA_OPTS"] = opts
        state = os.path.join(args.work, "flood-state")
        shutil.rmtree(state, ignore_errors=True)
        env["VIGIL_STATE_DIR"] = state
        t0 = time.monotonic()
        p = subprocess.Popen([os.path.join(tools.REPO, "scripts", "vigil"), "once", "--config",
                              cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        peak = hwm = 0
        while p.poll() is None:
            peak = max(peak, procs.status_kb(p.pid, "VmRSS"))
            hwm = max(hwm, procs.status_kb(p.pid, "VmHWM"))
            time.sleep(0.05)
        print("%-16s exit=%d wall_s=%.2f peak_rss_sampled_mb=%.1f vmhwm_mb=%.1f"
              % (label, p.returncode, time.monotonic() - t0, peak / 1024, hwm / 1024), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["latency", "latencyflags", "largetree", "gentree", "cds",
                                     "bulk", "flood"])
    ap.add_argument("--work", default="/tmp/vigil-bench-work")
    ap.add_argument("--tree", default="/tmp/vigil-bench-tree")
    ap.add_argument("--files", type=int, default=100000)
    ap.add_argument("--dirs", type=int, default=5000)
    ap.add_argument("--saves", type=int, default=50)
    ap.add_argument("--idle", type=int, default=60)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--bulk-dir", default="/tmp/vigil-bench-work")
    ap.add_argument("--tools", default="")
    ap.add_argument("--variants", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    modes = {"latency": latency, "latencyflags": latency_flags, "largetree": largetree, "gentree": gentree, "cds": cds,
             "bulk": bulk, "flood": flood}
    modes[args.mode](args)


if __name__ == "__main__":
    main()
