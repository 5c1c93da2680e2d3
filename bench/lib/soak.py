#!/usr/bin/env python3
"""Soak: a daemon under random edits, bursts, touches, config reloads, killed stages and API calls.

  soak.py --work DIR [--minutes 60] [--baseline-minutes 5] [--seed 1]

The daemon runs under the launcher's flags (scripts/vigil) on a generated tree of two projects
that share one root (a "core" with a check stage and a slow stage, and a "bindings" project
after it). Every edit writes unique content to one file and is remembered with its time. At the
end the driver stops editing, waits until the daemon is idle, and checks:
  - RSS, thread count and open descriptors of the daemon's JVM against their values after the
    baseline minutes (within 10% is the target);
  - every edit is accounted for in history: a run of the project that finished after the edit
    lists the edited path in trigger.changed (or covered it with a truncated list, or was a full
    run queued after the edit);
  - no exception in the daemon's log.
Every request goes to the daemon's API on 127.0.0.1; every loop is bounded by the duration.
"""

import argparse
import collections
import glob
import re
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import procs  # noqa: E402
import tools  # noqa: E402

FILES_PER_DIR = 40
DIRS = 50


def config_text(root, debounce):
    return f"""version: 1
defaults: {{debounce: {debounce}, max_wait: 2s, on_busy: restart, timeout: 2m}}
projects:
  - name: core
    root: {root}
    watch: ["src/**", "*.toml"]
    ignore: [target/]
    stages:
      - name: check
        run: "mkdir -p target && cat \\"$VIGIL_CHANGED_LIST\\" > target/last-changed && echo checked $VIGIL_CHANGED_COUNT"
      - name: slow
        run: "soak_marker=slow; sleep $(( $(od -An -N1 -tu1 /dev/urandom) % 4 ))"
        needs: [check]
  - name: bindings
    root: {root}
    watch: ["py/**"]
    ignore: [__pycache__/]
    after: [core]
    stages:
      - {{name: lint, run: "ls py > /dev/null && echo linted"}}
"""


def make_tree(root):
    shutil.rmtree(root, ignore_errors=True)
    for d in range(DIRS):
        os.makedirs(os.path.join(root, "src", "d%02d" % d))
        for f in range(FILES_PER_DIR):
            with open(os.path.join(root, "src", "d%02d" % d, "f%03d.rs" % f), "w") as out:
                out.write("// file %d/%d\n" % (d, f))
    os.makedirs(os.path.join(root, "py", "pkg"))
    for f in range(100):
        with open(os.path.join(root, "py", "pkg", "m%03d.py" % f), "w") as out:
            out.write("X = %d\n" % f)
    with open(os.path.join(root, "Cargo.toml"), "w") as out:
        out.write('[package]\nname = "soak"\nversion = "0.1.0"\n')
    with open(os.path.join(root, ".gitignore"), "w") as out:
        out.write("target/\n__pycache__/\n")


def jvm_pid(launcher_pid):
    for p in procs.tree(launcher_pid):
        try:
            with open("/proc/%d/comm" % p) as f:
                if f.read().strip() == "java":
                    return p
        except OSError:
            pass
    return launcher_pid


def thread_names(pid):
    """The daemon's threads by name (/proc/PID/task/*/comm, cut to 15 bytes by the kernel), with
    the numbers in names folded to '#', so that pools show as one name with a count."""
    names = collections.Counter()
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/comm" % (pid, task)) as f:
                names[re.sub(r"[0-9]+", "#", f.read().strip())] += 1
        except OSError:
            pass
    return names


def thread_change(before, after):
    """The thread names whose count changed, as 'name: before -> after'."""
    return ["%s: %d -> %d" % (name, before[name], after[name])
            for name in sorted(set(before) | set(after)) if before[name] != after[name]]


def jcmd(pid, *command):
    """jcmd's output for the daemon's JVM, or '' when it cannot attach or the command is refused
    (VM.native_memory needs -XX:NativeMemoryTracking=summary in VIGIL_JAVA_OPTS)."""
    try:
        out = subprocess.run(["jcmd", str(pid)] + list(command), capture_output=True, text=True,
                             timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return "" if "not enabled" in out or "Exception" in out else out


def memory_detail(pid):
    """Where the daemon's RSS is: anonymous and file-backed pages, and the Java heap's use."""
    parts = ["RssAnon %.1f MB, RssFile %.1f MB" % (procs.status_kb(pid, "RssAnon") / 1024.0,
                                                    procs.status_kb(pid, "RssFile") / 1024.0)]
    heap = jcmd(pid, "GC.heap_info")
    parts += [" ".join(line.split()) for line in heap.splitlines()[1:] if line.strip()]
    return parts


def figures(pid):
    threads = len(os.listdir("/proc/%d/task" % pid))
    fds = len(os.listdir("/proc/%d/fd" % pid))
    rss = procs.status_kb(pid, "VmRSS") / 1024.0
    return {"rss_mb": rss, "threads": threads, "fds": fds}


class Api:
    def __init__(self, state_dir):
        with open(os.path.join(state_dir, "api.json")) as f:
            api = json.load(f)
        self.url = api["url"]
        self.token = api["token"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Authorization", "Bearer " + self.token)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.read()


def history(state_dir):
    runs = []
    for path in sorted(glob.glob(os.path.join(state_dir, "history*.jsonl"))):
        with open(path, "rb") as f:
            for line in f:
                try:
                    runs.append(json.loads(line))
                except ValueError:
                    runs.append({"unreadable": line[:80]})
    return runs


def iso_ns(stamp):
    # 2026-12-04T15:32:41.123456789Z (or fewer digits) -> ns since the epoch
    date, frac = stamp.rstrip("Z"), "0"
    if "." in date:
        date, frac = date.split(".")
    t = time.strptime(date, "%Y-%m-%dT%H:%M:%S")
    import calendar
    return calendar.timegm(t) * 10**9 + int((frac + "000000000")[:9])


def project_of(rel):
    return "bindings" if rel.startswith("py/") else "core"


def unaccounted_edits(edits, runs):
    """Edits no later finished run of their project accounts for."""
    by_project = {}
    for r in runs:
        if "finishedAt" in r and "project" in r:
            by_project.setdefault(r["project"], []).append(r)
    missing = []
    for rel, t in edits:
        ok = False
        for r in by_project.get(project_of(rel), []):
            if iso_ns(r["finishedAt"]) < t:
                continue
            trig = r.get("trigger", {})
            if rel in trig.get("changed", []) or trig.get("truncated"):
                ok = True
                break
            if trig.get("kind") in ("manual", "config", "startup") and iso_ns(r.get("queuedAt", r["startedAt"])) >= t:
                ok = True
                break
        if not ok:
            missing.append((rel, t))
    return missing


def wait_idle(api, timeout):
    deadline = time.monotonic() + timeout
    quiet_since = None
    while time.monotonic() < deadline:
        try:
            _, body = api.call("GET", "/api/status")
            states = [p.get("state") for p in json.loads(body).get("projects", [])]
        except OSError:
            states = ["?"]
        if all(s in ("watching", "paused") for s in states):
            quiet_since = quiet_since or time.monotonic()
            if time.monotonic() - quiet_since > 3:
                return True
        else:
            quiet_since = None
        time.sleep(0.2)
    return False


def kill_a_stage(rng):
    out = subprocess.run(["pgrep", "-f", "soak_marker=slow"], capture_output=True, text=True)
    pids = [int(p) for p in out.stdout.split()]
    if not pids:
        return 0
    try:
        os.kill(rng.choice(pids), signal.SIGKILL)
        return 1
    except ProcessLookupError:
        return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--minutes", type=float, default=60)
    ap.add_argument("--baseline-minutes", type=float, default=5)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = os.path.abspath(args.work)
    root = os.path.join(work, "soak-tree")
    state = os.path.join(work, "soak-state")
    shutil.rmtree(state, ignore_errors=True)
    os.makedirs(state)
    make_tree(root)
    cfg = os.path.join(work, "soak.yaml")
    with open(cfg, "w") as f:
        f.write(config_text(root, "20ms"))
    log_path = os.path.join(work, "soak-daemon.log")
    log = open(log_path, "wb")
    daemon = subprocess.Popen([os.path.join(tools.REPO, "scripts", "vigil"), "daemon",
                               "--config", cfg, "--state-dir", state],
                              stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                              start_new_session=True)
    counts = {"edit": 0, "burst": 0, "touch": 0, "reload": 0, "kill": 0, "stages killed": 0,
              "api": 0, "api_errors": 0}
    edits = []
    try:
        deadline = time.monotonic() + 120
        while not os.path.exists(os.path.join(state, "api.json")):
            if time.monotonic() > deadline or daemon.poll() is not None:
                raise SystemExit("daemon did not start; see " + log_path)
            time.sleep(0.1)
        api = Api(state)
        wait_idle(api, 120)
        pid = jvm_pid(daemon.pid)
        start = time.monotonic()
        end = start + args.minutes * 60
        base_at = start + args.baseline_minutes * 60
        baseline = None
        nmt = False
        n = 0
        src = [os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "src", "*", "*"))]
        py = [os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "py", "pkg", "*"))]
        while time.monotonic() < end:
            if baseline is None and time.monotonic() >= base_at:
                # jcmd first: its attach starts a thread that then stays, in both counts
                detail = memory_detail(pid)
                nmt = bool(jcmd(pid, "VM.native_memory", "baseline"))
                baseline = figures(pid)
                baseline_threads = thread_names(pid)
                print("# after %.0f min: %s" % (args.baseline_minutes, baseline), flush=True)
                for line in detail:
                    print("#   " + line, flush=True)
            n += 1
            action = rng.choices(["edit", "burst", "touch", "reload", "kill", "api"],
                                 [60, 4, 10, 2, 6, 18])[0]
            if action == "edit":
                rel = rng.choice(src if rng.random() < 0.8 else py)
                edits.append((rel, time.time_ns()))
                with open(os.path.join(root, rel), "w") as f:
                    f.write("// edit %d\n" % n)
            elif action == "burst":
                for rel in rng.sample(src, rng.randint(50, 400)):
                    edits.append((rel, time.time_ns()))
                    with open(os.path.join(root, rel), "w") as f:
                        f.write("// burst %d\n" % n)
            elif action == "touch":
                for rel in rng.sample(src, 20):
                    os.utime(os.path.join(root, rel))
            elif action == "reload":
                with open(cfg, "w") as f:
                    f.write(config_text(root, rng.choice(["20ms", "30ms", "40ms"])))
            elif action == "kill":
                counts["stages killed"] += kill_a_stage(rng)
            else:
                try:
                    verb = rng.choice(["status", "runs", "trigger", "log"])
                    if verb == "status":
                        api.call("GET", "/api/status")
                    elif verb == "runs":
                        api.call("GET", "/api/runs?limit=20")
                    elif verb == "trigger":
                        api.call("POST", "/api/trigger", {"project": "bindings"})
                    else:
                        _, body = api.call("GET", "/api/runs?project=core&limit=1")
                        runs = json.loads(body)
                        runs = runs.get("runs", runs) if isinstance(runs, dict) else runs
                        if runs:
                            api.call("GET", "/api/runs/%s/stages/check/log" % runs[0]["runId"])
                except OSError:
                    counts["api_errors"] += 1
            counts[action] += 1
            time.sleep(rng.uniform(0.05, 1.5))
        if baseline is None:
            nmt = bool(jcmd(pid, "VM.native_memory", "baseline"))
            baseline = figures(pid)
            baseline_threads = thread_names(pid)
        idle = wait_idle(api, 300)
        final = figures(pid)
        final_threads = thread_names(pid)
        final_memory = memory_detail(pid)
        nmt_diff = jcmd(pid, "VM.native_memory", "summary.diff", "scale=KB") if nmt else ""
        runs = history(state)
        missing = unaccounted_edits(edits, runs)
        with open(log_path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        exceptions = [line for line in text.splitlines() if "Exception" in line]
        alive = daemon.poll() is None
    finally:
        if daemon.poll() is None:
            os.killpg(daemon.pid, signal.SIGTERM)
            try:
                daemon.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(daemon.pid, signal.SIGKILL)
        log.close()
    print("# actions: %s" % counts)
    print("| figure | after %.0f min | at the end (%.0f min) | change | within 10%%? |"
          % (args.baseline_minutes, args.minutes))
    print("|---|---|---|---|---|")
    for key in ("rss_mb", "threads", "fds"):
        b, e = baseline[key], final[key]
        change = (e - b) / b * 100 if b else 0
        print("| %s | %.1f | %.1f | %+.1f%% | %s |" % (key, b, e, change,
                                                      "yes" if change <= 10 else "no"))
    print("| runs in history | | %d | | |" % len(runs))
    print("| unreadable history lines | | %d | | |" % sum(1 for r in runs if "unreadable" in r))
    print("| edits | | %d | | |" % len(edits))
    print("| edits not accounted for in history | | %d | | |" % len(missing))
    print("| exceptions in the daemon's log | | %d | | |" % len(exceptions))
    print("| daemon alive at the end; idle reached | | %s; %s | | |" % (alive, idle))
    print("# memory at the end:")
    for line in final_memory:
        print("#   " + line)
    for line in nmt_diff.splitlines():
        if line.strip().startswith(("Total", "-")):
            print("#   nmt " + " ".join(line.split()))
    for line in thread_change(baseline_threads, final_threads):
        print("#   threads named %s" % line)
    for rel, t in missing[:10]:
        print("#   not accounted for: %s at %d" % (rel, t))
    for line in exceptions[:10]:
        print("#   " + line[:200])
    ok = (not missing and not exceptions and alive
          and all(final[k] <= baseline[k] * 1.1 for k in baseline))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
