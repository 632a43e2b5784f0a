#!/usr/bin/env bash
# The whole test suite — what `npm test` runs and what CI runs (.ci/run):
#   1. native unit tests (g++, AddressSanitizer + UBSan, doctest through ctest)
#   2. the wasm package build
#   3. the same unit tests compiled to wasm, run by Node
#   4. the hand-written TypeScript declarations, checked by tsc
#   5. the built package in Node against real peers (Prism on the real specs, loopback servers)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NODE_PATH=/usr/share/nodejs
jobs="$(nproc)"
step() { printf '\n== %s\n' "$*"; }

step "native unit tests (ASan + UBSan)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Debug -DGENAI_SANITIZE=ON >/dev/null
cmake --build build/native -j"$jobs"
(cd build/native && ctest --output-on-failure)

step "wasm package build"
bash scripts/build.sh

step "unit tests compiled to wasm, run by Node"
cmake --build build/wasm --target genai_wasm_tests -j"$jobs"
# The repository is an ES-module package; emscripten's Node test runner is CommonJS.
echo '{"type":"commonjs"}' > build/wasm/package.json
# Without Node's fetch, emscripten's loader reads the .wasm from disk instead of fetching a path.
node --no-experimental-fetch build/wasm/genai_wasm_tests.js --no-colors

step "TypeScript declarations"
node_modules/.bin/tsc -p tests/types/tsconfig.json

step "package tests in Node against real peers"
node --test tests/node/
