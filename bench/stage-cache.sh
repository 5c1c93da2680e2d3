#!/usr/bin/env bash
# Stage cache figures (issue: stage cache), written to bench/out/stage-cache.txt:
#   1. key computation for a 100,000-file project after a one-file change;
#   2. a cached stage, from run start to the stage reported: local store;
#   3. the same from a remote on loopback: turborepo-remote-cache and nginx WebDAV, the local
#      store emptied before each run (dev.vigil.bench.StageCacheBench);
#   4. a real Rust crate whose clippy takes 5 s or more (generated here), watched by the
#      daemon: save an edit, then save the file back; the second run is answered from the cache.
# The servers come from .ci/servers/install.sh. Usage: bench/stage-cache.sh [iterations]
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO"
N="${1:-500}"
# offline first (fast); online where the local repository lacks a plugin (a fresh machine)
mvn -B -q -o -DskipTests package >&2 || mvn -B -q -DskipTests package >&2
[ -s "$OUT/cp.txt" ] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >&2 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" >&2
cp="target/classes:target/test-classes:$(cat "$OUT/cp.txt")"
flags="$(sed -n 's/^default_opts="\(.*\)"/\1/p' scripts/vigil)"
"$REPO/.ci/servers/install.sh" >&2
scratch="$SCRATCH/stage-cache"
rm -rf "$scratch" && mkdir -p "$scratch"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_port() { for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.1; done; return 1; }

turbo_port="$(free_port)"
mkdir -p "$scratch/turbo"
TURBO_TOKEN=bench-token HOST=127.0.0.1 PORT="$turbo_port" STORAGE_PROVIDER=local \
  STORAGE_PATH="$scratch/turbo" STORAGE_PATH_USE_TMP_FOLDER=false LOG_LEVEL=warn \
  node "$REPO/.ci/servers/node_modules/turborepo-remote-cache/dist/cli.js" >"$scratch/turbo.log" 2>&1 &
pids+=($!)
nginx_port="$(free_port)"
mkdir -p "$scratch/nginx/tmp" "$scratch/nginx/root/cache"
user=""; [ "$(id -u)" -eq 0 ] && user="user root;"
cat >"$scratch/nginx/nginx.conf" <<CONF
daemon off; $user pid $scratch/nginx/nginx.pid; error_log stderr warn;
events { worker_connections 64; }
http { access_log off; client_body_temp_path $scratch/nginx/tmp; proxy_temp_path $scratch/nginx/tmp;
  fastcgi_temp_path $scratch/nginx/tmp; uwsgi_temp_path $scratch/nginx/tmp; scgi_temp_path $scratch/nginx/tmp;
  server { listen 127.0.0.1:$nginx_port;
    location /cache/ { root $scratch/nginx/root; dav_methods PUT; create_full_put_path on; } } }
CONF
"$(command -v nginx || echo /usr/sbin/nginx)" -e stderr -p "$scratch/nginx" -c "$scratch/nginx/nginx.conf" &
pids+=($!)
wait_port "$turbo_port"; wait_port "$nginx_port"

{
  machine "stage-cache: key computation and cached stages, ms"
  echo "## java $flags -cp ... dev.vigil.bench.StageCacheBench key $N 100000"
  # shellcheck disable=SC2086
  "${NICE[@]}" java $flags -cp "$cp" dev.vigil.bench.StageCacheBench key "$N" 100000
  echo "## ... StageCacheBench local $N"
  # shellcheck disable=SC2086
  "${NICE[@]}" java $flags -cp "$cp" dev.vigil.bench.StageCacheBench local "$N"
  echo "## ... StageCacheBench remote $N turbo http://127.0.0.1:PORT (turborepo-remote-cache $(sed -n 's/^  "version": "\(.*\)".*/\1/p' .ci/servers/node_modules/turborepo-remote-cache/package.json), local storage)"
  # shellcheck disable=SC2086
  VIGIL_CACHE_TOKEN=bench-token "${NICE[@]}" java $flags -cp "$cp" dev.vigil.bench.StageCacheBench remote "$N" turbo "http://127.0.0.1:$turbo_port"
  echo "## ... StageCacheBench remote $N http http://127.0.0.1:PORT/cache/ ($(nginx -v 2>&1 || /usr/sbin/nginx -v 2>&1), dav_methods PUT)"
  # shellcheck disable=SC2086
  "${NICE[@]}" java $flags -cp "$cp" dev.vigil.bench.StageCacheBench remote "$N" http "http://127.0.0.1:$nginx_port/cache/"
  loadavg
} 2>&1 | tee "$OUT/stage-cache.txt"

# 4. A real crate through the daemon.
{
  machine "stage-cache: edit back on a Rust crate, the daemon watching"
  python3 "$BENCH/lib/cratebench.py" "$scratch/crate" "$REPO/target/vigil.jar" "$flags"
  loadavg
} 2>&1 | tee -a "$OUT/stage-cache.txt"
