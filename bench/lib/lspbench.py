#!/usr/bin/env python3
"""vigil lsp: from a stage's end to its diagnostics at an LSP client, and the server's memory.

  lspbench.py --work DIR [--runs 40]

A daemon watches a one-file tree whose stage prints one diagnostic line carrying `date +%s%N`,
taken as the stage's last act. A minimal LSP client (this script) starts `scripts/vigil lsp`
(the launcher's flags), initializes it on the tree, and for each save waits for the
publishDiagnostics that carries the new stamp: the latency is its arrival minus the stamp. At the
end it reads the server JVM's resident memory from /proc.
"""

import argparse
import json
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import procs  # noqa: E402
import tools  # noqa: E402


class Lsp:
    def __init__(self, argv, cwd, env):
        self.proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buf = b""
        self.next_id = 1

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        self.next_id += 1

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def read(self, timeout):
        """The next message, with its arrival time in ns, or None at the timeout."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                length = 0
                for line in self.buf[:head_end].split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":")[1])
                if len(self.buf) >= head_end + 4 + length:
                    body = self.buf[head_end + 4:head_end + 4 + length]
                    self.buf = self.buf[head_end + 4 + length:]
                    return time.time_ns(), json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    return None
                self.buf += chunk

    def answer_requests(self, msg):
        # the server asks to create progress tokens; a client says yes
        if "id" in msg and "method" in msg:
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": None})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--lsp-opts", default=None,
                    help="JVM flags for vigil lsp alone (VIGIL_JAVA_OPTS of its launcher);"
                         " default: the launcher's lsp flags")
    ap.add_argument("--smaps", default=None, help="copy the server's /proc/PID/smaps here")
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    root = os.path.join(work, "lsp-tree")
    state = os.path.join(work, "lsp-state")
    for d in (root, state):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    os.makedirs(os.path.join(root, "src"))
    target = os.path.join(root, "src", "a.rs")
    with open(target, "w") as f:
        f.write("start\n")
    cfg = os.path.join(work, "lsp.yaml")
    with open(cfg, "w") as f:
        f.write("version: 1\ndefaults: {run_on_start: false, debounce: 20ms}\n"
                "projects:\n  - name: bench\n    root: %s\n    stages:\n"
                "      - {name: check, run: 'echo \"src/a.rs:1:1: error: stamp $(date +%%s%%N)\"',"
                " format: generic}\n" % root)
    launcher = os.path.join(tools.REPO, "scripts", "vigil")
    daemon = subprocess.Popen([launcher, "daemon", "--config", cfg, "--state-dir", state],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    lsp = None
    try:
        deadline = time.monotonic() + 60
        while not os.path.exists(os.path.join(state, "api.json")):
            if time.monotonic() > deadline:
                raise SystemExit("the daemon did not start")
            time.sleep(0.1)
        env = dict(os.environ)
        if args.lsp_opts is not None:
            env["VIGIL_JAVA_OPTS"] = args.lsp_opts
        lsp = Lsp([launcher, "lsp", "--state-dir", state], root, env)
        uri = "file://" + target
        lsp.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + root,
                                   "capabilities": {"window": {"workDoneProgress": True}}})
        while True:
            got = lsp.read(60)
            if got is None:
                raise SystemExit("vigil lsp did not answer initialize")
            if got[1].get("id") == 1:
                break
        lsp.notify("initialized", {})
        time.sleep(2)  # let it attach to the event stream
        lat = []
        missed = 0
        for n in range(args.runs + 3):
            with open(target, "w") as f:
                f.write("save %d\n" % n)
            stamp = None
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                got = lsp.read(deadline - time.monotonic())
                if got is None:
                    break
                at, msg = got
                lsp.answer_requests(msg)
                if msg.get("method") != "textDocument/publishDiagnostics":
                    continue
                if msg["params"]["uri"] != uri or not msg["params"]["diagnostics"]:
                    continue
                stamp = int(msg["params"]["diagnostics"][0]["message"].split()[-1])
                if n >= 3:
                    lat.append((at - stamp) / 1e6)
                break
            if stamp is None:
                missed += 1
            time.sleep(0.3)
        pid = None
        for p in procs.tree(lsp.proc.pid):
            with open("/proc/%d/comm" % p) as f:
                if f.read().strip() == "java":
                    pid = p
        rss = procs.status_kb(pid or lsp.proc.pid, "VmRSS") / 1024.0
        hwm = procs.status_kb(pid or lsp.proc.pid, "VmHWM") / 1024.0
        lat.sort()
        print("| measure | value |")
        print("|---|---|")
        print("| stage end -> publishDiagnostics at the client, median | %.2f ms |"
              % statistics.median(lat))
        print("| same, p90 / max | %.2f / %.2f ms |" % (lat[int(len(lat) * 0.9) - 1], lat[-1]))
        print("| runs measured / missed | %d / %d |" % (len(lat), missed))
        print("| vigil lsp resident memory after the runs (peak) | %.1f MiB (%.1f MiB) |"
              % (rss, hwm))
        anon = procs.status_kb(pid or lsp.proc.pid, "RssAnon") / 1024.0
        mapped = procs.status_kb(pid or lsp.proc.pid, "RssFile") / 1024.0
        print("| of which anonymous / file-backed (libjvm, CDS archive, jars) | %.1f / %.1f MiB |"
              % (anon, mapped))
        if args.smaps:
            with open("/proc/%d/smaps" % (pid or lsp.proc.pid)) as src, open(args.smaps, "w") as dst:
                dst.write(src.read())
        print("| vigil lsp JVM flags | %s |"
              % (args.lsp_opts if args.lsp_opts is not None else "the launcher's lsp flags"))
    finally:
        if lsp is not None:
            lsp.proc.kill()
        os.killpg(daemon.pid, signal.SIGTERM)
        daemon.wait(timeout=20)


if __name__ == "__main__":
    main()
