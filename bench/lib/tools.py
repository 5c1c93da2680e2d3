"""How each watcher is started: vigil and the peers, each with its usual invocation.

Every tool runs STAMP_CMD (append `date +%s%N` to a stamp file) when it sees a change.
A Tool starts one process (a new session, so the whole tree can be killed) and may run
client commands after it (watchman registers its watch and trigger that way).
"""

import json
import os
import shlex
import shutil
import signal
import subprocess
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO = os.path.dirname(BENCH)
NODE_BIN = os.path.join(BENCH, "node_modules", ".bin")

LAUNCHER_OPTS = None  # read from scripts/vigil on first use


def launcher_opts():
    """The default JVM flags of scripts/vigil, as written there."""
    global LAUNCHER_OPTS
    if LAUNCHER_OPTS is None:
        with open(os.path.join(REPO, "scripts", "vigil")) as f:
            for line in f:
                if line.startswith("default_opts="):
                    LAUNCHER_OPTS = line.split("=", 1)[1].strip().strip('"')
    return LAUNCHER_OPTS


def stamp_cmd(stamp):
    return "date +%s%N >> " + shlex.quote(stamp)


class Tool:
    """One watcher under test.

    name: label in the tables; initial_runs: how many runs it makes on start by itself
    (ignored when waiting for the first detected save); settle: seconds to wait for a run
    after a save before saving again while waiting for readiness.
    """

    def __init__(self, name, initial_runs=0, settle=0.1, invocation=""):
        self.name = name
        self.initial_runs = initial_runs
        self.settle = settle
        self.invocation = invocation
        self.proc = None

    def start(self, root, target, stamp, work):
        raise NotImplementedError

    def _popen(self, argv, work, env=None, shell=False):
        log = open(os.path.join(work, self.slug() + ".log"), "ab")
        self.proc = subprocess.Popen(
            argv, cwd=self.cwd, stdin=subprocess.DEVNULL if not shell else None,
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            env=env, shell=shell)
        log.close()
        return self.proc

    def slug(self):
        return "".join(c if c.isalnum() else "-" for c in self.name)

    def stop(self):
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        # children that left the group (setsid) die with SIGTERM to their own group below
        self.proc = None


class Vigil(Tool):
    def __init__(self, name="vigil", jvm_opts=None, env=None, debounce="20ms"):
        opts = launcher_opts() if jvm_opts is None else jvm_opts
        super().__init__(name, settle=0.1,
                         invocation="scripts/vigil daemon --config CFG --state-dir DIR"
                         + ("" if jvm_opts is None else "  (VIGIL_JAVA_OPTS=\"%s\")" % opts))
        self.jvm_opts = opts
        self.extra_env = env or {}
        self.debounce = debounce

    def start(self, root, target, stamp, work):
        self.cwd = root
        self.state_dir = os.path.join(work, self.slug() + "-state")
        if not getattr(self, "keep_state", False):  # restart bench: keep the content record
            shutil.rmtree(self.state_dir, ignore_errors=True)  # no status.json of an earlier run
        os.makedirs(self.state_dir, exist_ok=True)
        cfg = os.path.join(work, self.slug() + ".yaml")
        with open(cfg, "w") as f:
            f.write("version: 1\n")
            f.write("defaults: {run_on_start: false, debounce: %s}\n" % self.debounce)
            f.write("projects:\n  - name: bench\n    root: %s\n" % root)
            f.write("    stages:\n      - {name: stamp, run: %s}\n"
                    % json_str(stamp_cmd(stamp)))
        env = dict(os.environ, VIGIL_JAVA_OPTS=self.jvm_opts, **self.extra_env)
        return self._popen([os.path.join(REPO, "scripts", "vigil"), "daemon", "--config", cfg,
                            "--state-dir", self.state_dir], work, env=env)


def json_str(s):
    return json.dumps(s)


class Entr(Tool):
    def __init__(self):
        super().__init__("entr", settle=0.1,
                         invocation="find ROOT -type f | entr -np sh -c CMD")

    def start(self, root, target, stamp, work):
        self.cwd = root
        files = target if root is None else root
        # the usual form: the file list on stdin; -n: no TTY, -p: do not run at start
        return self._popen("find %s -type f | entr -np sh -c %s"
                           % (shlex.quote(files), shlex.quote(stamp_cmd(stamp))),
                           work, shell=True)


class InotifyLoop(Tool):
    def __init__(self):
        super().__init__("inotifywait loop", settle=0.1,
                         invocation="inotifywait -mqr -e close_write ROOT | while read -r _; do CMD; done")

    def start(self, root, target, stamp, work):
        self.cwd = root
        return self._popen(
            "inotifywait -mqr -e close_write --format '%%w%%f' %s | while read -r _; do %s; done"
            % (shlex.quote(root), stamp_cmd(stamp)), work, shell=True)


class Fswatch(Tool):
    def __init__(self):
        super().__init__("fswatch", settle=1.3,
                         invocation="fswatch -o -r ROOT | xargs -n1 -I{} sh -c CMD")

    def start(self, root, target, stamp, work):
        self.cwd = root
        return self._popen("fswatch -o -r %s | xargs -n1 -I{} sh -c %s"
                           % (shlex.quote(root), shlex.quote(stamp_cmd(stamp))),
                           work, shell=True)


class Nodemon(Tool):
    def __init__(self):
        # nodemon runs the command once at start; --exec keeps node out of it
        super().__init__("nodemon", initial_runs=1, settle=0.2,
                         invocation="nodemon -q --watch ROOT -e txt --exec CMD")

    def start(self, root, target, stamp, work):
        self.cwd = root
        return self._popen([os.path.join(NODE_BIN, "nodemon"), "-q", "--watch", root,
                            "-e", "txt", "--exec", stamp_cmd(stamp)], work)


class Chokidar(Tool):
    def __init__(self):
        # chokidar-cli's default debounce is 400 ms
        super().__init__("chokidar-cli", settle=0.7,
                         invocation="chokidar 'ROOT/**/*' -c CMD")

    def start(self, root, target, stamp, work):
        self.cwd = root
        return self._popen([os.path.join(NODE_BIN, "chokidar"), os.path.join(root, "**", "*"),
                            "--silent", "-c", stamp_cmd(stamp)], work)


class Watchman(Tool):
    def __init__(self):
        # a trigger runs once when it is registered, for the files already there
        super().__init__("watchman trigger", initial_runs=1, settle=0.2,
                         invocation="watchman watch ROOT; watchman -j <<< "
                         "'[\"trigger\", ROOT, {\"name\": \"bench\", \"expression\": "
                         "[\"type\", \"f\"], \"command\": [\"sh\", \"-c\", CMD]}]'")

    def start(self, root, target, stamp, work):
        # The usual way: the first client command starts the server, which daemonizes. (With
        # --foreground, watchman 4.9 here kills itself after 60 s: its socket self-check
        # compares pids and fails.) The server's pid comes from its pidfile.
        self.cwd = root
        d = os.path.join(work, "watchman-state")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        self.opts = ["--sockname=" + os.path.join(d, "sock"),
                     "--logfile=" + os.path.join(d, "log"),
                     "--statefile=" + os.path.join(d, "state"),
                     "--pidfile=" + os.path.join(d, "pid"), "--no-save-state"]
        self.client(["watch", root])
        with open(os.path.join(d, "pid")) as f:
            self.proc = Pid(int(f.read().split()[0]))
        trigger = ["trigger", root, {"name": "bench", "expression": ["type", "f"],
                                     "command": ["sh", "-c", stamp_cmd(stamp)]}]
        subprocess.run(["watchman"] + self.opts + ["-j"], check=True,
                       input=json.dumps(trigger).encode(), stdout=subprocess.DEVNULL)
        return self.proc

    def client(self, args):
        subprocess.run(["watchman"] + self.opts + args, check=True, stdout=subprocess.DEVNULL)

    def stop(self):
        if self.proc is None:
            return
        subprocess.run(["watchman"] + self.opts + ["shutdown-server"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while self.proc.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc = None


class Pid:
    """A process that is not our child: enough of Popen's face for the driver."""

    def __init__(self, pid):
        self.pid = pid

    def poll(self):
        try:
            with open("/proc/%d/stat" % self.pid) as f:
                state = f.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            return 0
        return 0 if state in ("Z", "X") else None


def peers():
    return [Entr(), Watchman(), InotifyLoop(), Fswatch(), Nodemon(), Chokidar()]
