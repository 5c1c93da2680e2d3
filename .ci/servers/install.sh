#!/usr/bin/env bash
# Installs the remote cache servers that RemoteCacheIT starts on loopback ports:
#   nginx with the WebDAV module (Debian's nginx-light), for the `http` kind;
#   turborepo-remote-cache 2.12.0 from npm into .ci/servers/node_modules, for the `turbo` kind.
# Idempotent: skips what is there. Runs as root on CI; elsewhere uses sudo for apt-get.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

debs=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || debs+=(nginx-light)
command -v node >/dev/null 2>&1 || debs+=(nodejs)
command -v npm >/dev/null 2>&1 || debs+=(npm)
if [ "${#debs[@]}" -gt 0 ]; then
  echo "installing: ${debs[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${debs[@]}"
fi

cli="$here/node_modules/turborepo-remote-cache/dist/cli.js"
want="$(sed -n 's/.*"turborepo-remote-cache": "\(.*\)".*/\1/p' "$here/package.json")"
have=""
[ -f "$here/node_modules/turborepo-remote-cache/package.json" ] &&
  have="$(sed -n 's/^  "version": "\(.*\)".*/\1/p' "$here/node_modules/turborepo-remote-cache/package.json")"
if [ ! -f "$cli" ] || [ "$have" != "$want" ]; then
  (cd "$here" && npm install --no-audit --no-fund --no-package-lock --loglevel=error)
fi
echo "cache servers: $(nginx -v 2>&1 || /usr/sbin/nginx -v 2>&1), turborepo-remote-cache $want"
