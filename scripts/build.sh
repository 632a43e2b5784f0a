#!/usr/bin/env bash
# Builds the wasm core (dist/genai_core.js + dist/genai_core.wasm) with Debian's emscripten.
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's emscripten runs its JS tools (acorn) from Debian's node modules.
export NODE_PATH=/usr/share/nodejs
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
mkdir -p dist
cmake --build build/wasm --target genai_core_wasm -j"$(nproc)"
cp build/wasm/genai_core.js build/wasm/genai_core.wasm dist/
