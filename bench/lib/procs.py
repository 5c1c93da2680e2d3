"""Process-tree figures from /proc: RSS summed over a tree, CPU seconds of a tree."""

import os

TICK = os.sysconf("SC_CLK_TCK")


def _stat(pid):
    with open("/proc/%d/stat" % pid) as f:
        data = f.read()
    # the command name may hold spaces; fields after the closing parenthesis are fixed
    return data[data.rindex(")") + 2:].split()


def tree(root_pid):
    """root_pid and every descendant alive now."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid = int(_stat(int(entry))[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _status_file_kb(path, key):
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def status_kb(pid, key):
    """A kB figure from /proc/PID/status. When the main thread has exited but others run on
    (watchman does this), the leader's status has no memory lines: read a live thread's."""
    value = _status_file_kb("/proc/%d/status" % pid, key)
    if value is None:
        try:
            tids = os.listdir("/proc/%d/task" % pid)
        except OSError:
            tids = []
        for tid in tids:
            value = _status_file_kb("/proc/%d/task/%s/status" % (pid, tid), key)
            if value is not None:
                break
    return value or 0


def rss_mb(root_pid):
    """Resident set size of the whole tree, MB (sum of VmRSS)."""
    return sum(status_kb(p, "VmRSS") for p in tree(root_pid)) / 1024.0


def cpu_seconds(root_pid):
    """User + system CPU seconds of every process in the tree (and its reaped children)."""
    total = 0
    for p in tree(root_pid):
        try:
            f = _stat(p)
        except OSError:
            continue
        # fields 14-17 of stat: utime stime cutime cstime (index from after the name)
        total += int(f[11]) + int(f[12]) + int(f[13]) + int(f[14])
    return total / TICK


def describe(root_pid):
    names = []
    for p in tree(root_pid):
        try:
            with open("/proc/%d/comm" % p) as f:
                names.append(f.read().strip())
        except OSError:
            pass
    return "+".join(names)
