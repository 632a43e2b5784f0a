#!/usr/bin/env bash
# Builds the package and serves the in-browser demo (Mock clients) on http://localhost:5173.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs
