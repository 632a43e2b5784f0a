#!/usr/bin/env bash
# Takes a fresh Debian 12 machine (with Node 20 and npm) to a working checkout: the Debian
# packages the build and the tests need, then the npm dev dependencies. Idempotent: whatever is
# already installed is skipped, so every README command can call it.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(cmake g++ make emscripten nlohmann-json3-dev doctest-dev chromium iproute2 util-linux)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is required (found: $(node --version 2>/dev/null || echo none))" >&2
  exit 1
fi

# npm ci only when node_modules does not match the lock file (its hash is kept beside it). A
# node_modules that is a link belongs to another checkout: it is left alone.
lock_hash="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -L node_modules ]; then
  :
elif [ ! -f node_modules/.genai-lock-sha256 ] || [ "$(cat node_modules/.genai-lock-sha256)" != "$lock_hash" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.genai-lock-sha256
fi
