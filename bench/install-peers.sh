#!/usr/bin/env bash
# Installs the peer tools the benchmarks compare vigil against. Idempotent: skips what is there.
#   Debian: entr watchman inotify-tools fswatch hyperfine
#   npm (into bench/node_modules, gitignored): nodemon chokidar-cli
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

debs=()
for pkg in entr watchman inotify-tools fswatch hyperfine; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || debs+=("$pkg")
done
if [ "${#debs[@]}" -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    $sudo_cmd apt-get update -q
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${debs[@]}"
fi
if ! command -v npm >/dev/null 2>&1; then
  # Only when no node is present: a nodesource nodejs conflicts with Debian's npm package.
  DEBIAN_FRONTEND=noninteractive ${sudo_cmd:-} apt-get install -y -q --no-install-recommends nodejs npm
fi

if [ ! -x "$here/node_modules/.bin/nodemon" ] || [ ! -x "$here/node_modules/.bin/chokidar" ]; then
  (cd "$here" && [ -f package.json ] || echo '{"private": true}' > "$here/package.json"
   cd "$here" && npm install --no-audit --no-fund --no-save nodemon chokidar-cli)
fi

# Debian's watchman 4.9 ships no watchman-wait/watchman-make (pywatchman); the benchmarks use a
# trigger, which needs only the watchman binary.
for tool in entr watchman inotifywait fswatch hyperfine node; do
  command -v "$tool" >/dev/null 2>&1 || echo "install-peers: $tool is missing after install" >&2
done
echo "peers: entr $(dpkg-query -W -f='${Version}' entr)," \
  "watchman $(watchman --version 2>/dev/null || echo '?')," \
  "inotify-tools $(dpkg-query -W -f='${Version}' inotify-tools)," \
  "fswatch $(dpkg-query -W -f='${Version}' fswatch)," \
  "hyperfine $(hyperfine --version | awk '{print $2}')," \
  "nodemon $("$here/node_modules/.bin/nodemon" --version)," \
  "chokidar-cli $(node -p "require('$here/node_modules/chokidar-cli/package.json').version")," \
  "node $(node --version)"
