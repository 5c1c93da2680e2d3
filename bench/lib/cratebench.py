"""Edit back on a real Rust crate, with the daemon watching it (bench/stage-cache.sh).

Generates a crate whose `cargo clippy` takes several seconds, starts `vigil daemon` on it with a
cached clippy stage, then repeats: save an edit (clippy runs), save the file back (answered from
the cache). Prints the runs' recorded durations and the time from the save back to the run in
history.jsonl. Usage: cratebench.py DIR JAR "JVM FLAGS" [CYCLES]
"""
import json
import os
import shutil
import subprocess
import sys
import time

MODULES = 30
FUNCTIONS = 40


def generate(root):
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    with open(os.path.join(root, "Cargo.toml"), "w") as f:
        f.write('[package]\nname = "benchcrate"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n')
    lib = ["//! Generated for the stage cache benchmark.\n"]
    for m in range(MODULES):
        lib.append(f"pub mod m{m};\n")
        body = [f"//! Module {m}.\nuse std::collections::HashMap;\n\n"]
        body.append(f"#[derive(Debug, Clone, PartialEq)]\npub struct S{m}<T> {{ pub items: Vec<T>, pub names: HashMap<String, usize> }}\n\n")
        body.append(f"pub trait Shape{m} {{ fn area(&self) -> f64; fn scaled(&self, k: f64) -> f64 {{ self.area() * k }} }}\n\n")
        for i in range(FUNCTIONS):
            body.append(
                f"impl<T: Clone + std::fmt::Debug + PartialOrd> S{m}<T> {{\n"
                f"    pub fn f{i}(&self, x: &[T]) -> Option<Vec<T>> {{\n"
                f"        let mut out: Vec<T> = self.items.iter().cloned().chain(x.iter().cloned()).collect();\n"
                f"        out.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));\n"
                f"        let n = self.names.get(\"k{i}\").copied().unwrap_or({i});\n"
                f"        if out.len() > n {{ out.truncate(n); }}\n"
                f"        let joined = out.iter().map(|v| format!(\"{{v:?}}\")).collect::<Vec<_>>().join(\",\");\n"
                f"        if joined.is_empty() {{ None }} else {{ Some(out) }}\n"
                f"    }}\n}}\n"
                f"pub struct P{m}x{i}(pub f64);\n"
                f"impl Shape{m} for P{m}x{i} {{ fn area(&self) -> f64 {{ self.0 * {i}.0 + {m}.0 }} }}\n\n")
        body.append(f"#[cfg(test)]\nmod tests {{\n    #[test]\n    fn t() {{ let s = super::S{m}::<i64> {{ items: vec![3, 1, 2], names: Default::default() }}; assert!(s.f0(&[4]).is_none()); }}\n}}\n")
        with open(os.path.join(root, "src", f"m{m}.rs"), "w") as f:
            f.write("".join(body))
    with open(os.path.join(root, "src", "lib.rs"), "w") as f:
        f.write("".join(lib))


def runs(state):
    path = os.path.join(state, "history.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def await_runs(state, n, limit=900):
    """The first run from the n-th on that was not cancelled, and its number."""
    end = time.time() + limit
    while time.time() < end:
        r = runs(state)
        while len(r) >= n and r[n - 1]["result"] == "cancelled":
            print(f"  (run {r[n - 1]['runId']} cancelled by a later change: {r[n - 1]['trigger'].get('changed')})")
            n += 1
        if len(r) >= n:
            return r[n - 1], n
        time.sleep(0.005)
    raise SystemExit(f"run {n} never finished")


def main():
    base, jar, flags = sys.argv[1], sys.argv[2], sys.argv[3]
    cycles = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    shutil.rmtree(base, ignore_errors=True)
    root = os.path.join(base, "crate")
    state = os.path.join(base, "state")
    os.makedirs(state)
    generate(root)
    with open(os.path.join(root, "vigil.yaml"), "w") as f:
        f.write(
            "version: 1\nprojects:\n  - name: crate\n    ignore: [target/]\n    stages:\n"
            "      - {name: clippy, run: \"cargo clippy --message-format=json -- -D warnings\","
            " format: cargo-json, cache: true}\n")
    # Cargo writes Cargo.lock at the first build, which would restart the start-up run.
    subprocess.run(["cargo", "generate-lockfile", "--offline"], cwd=root, check=True)
    lines = sum(1 for d in os.listdir(os.path.join(root, "src")) for _ in open(os.path.join(root, "src", d)))
    print(f"# crate: {MODULES} modules, {lines} lines of Rust; cargo {subprocess.run(['cargo', '--version'], capture_output=True, text=True).stdout.strip()}")
    env = dict(os.environ, VIGIL_STATE_DIR=state, XDG_CONFIG_HOME=os.path.join(base, "xdg"))
    env.pop("VIGIL_CONFIG", None)
    daemon = subprocess.Popen(["java", *flags.split(), "-jar", jar, "daemon"], cwd=root, env=env,
                              stdout=open(os.path.join(base, "daemon.log"), "w"), stderr=subprocess.STDOUT)
    try:
        first, n = await_runs(state, 1)
        print(f"start-up run (cold build): {first['stages'][0]['status']} in {first['durationMs']} ms")
        target = os.path.join(root, "src", "m7.rs")
        original = open(target).read()
        edited = original + "\npub fn added() -> u32 { 7 }\n"
        for c in range(cycles):
            with open(target, "w") as f:
                f.write(edited)
            r, n = await_runs(state, n + 1)
            s = r["stages"][0]
            print(f"cycle {c + 1}: edit      -> clippy {s['status']:6} run {r['durationMs']:6} ms")
            time.sleep(0.5)
            t0 = time.monotonic()
            with open(target, "w") as f:
                f.write(original)
            r, n = await_runs(state, n + 1)
            wall = (time.monotonic() - t0) * 1000
            s = r["stages"][0]
            print(f"cycle {c + 1}: edit back -> clippy {s['status']:6} run {r['durationMs']:6} ms"
                  f" (stage {s['durationMs']} ms, savedMs {s.get('savedMs')}, source"
                  f" {s.get('cachedFrom', {}).get('source')}); save to run in history {wall:.0f} ms"
                  " (debounce 20 ms included)")
            time.sleep(0.5)
    finally:
        daemon.terminate()
        daemon.wait(60)


if __name__ == "__main__":
    main()
