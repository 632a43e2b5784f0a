// Instantiates the wasm module once per options. In Node the .wasm is read from the package
// (Node's fetch cannot read file: URLs); in a browser the bundler or the server provides it.
import createGenAIModule from '../dist/genai_core.js';
import { makeError } from './errors.js';

const isNode = typeof process === 'object' && !!process.versions?.node && typeof window === 'undefined';

async function readPackagedWasm() {
  // A variable specifier keeps bundlers from trying to resolve a Node module for the browser.
  const fsModule = 'node:fs/promises';
  const { readFile } = await import(/* @vite-ignore */ fsModule);
  return readFile(new URL('../dist/genai_core.wasm', import.meta.url));
}

export async function instantiate(options = {}) {
  const moduleOptions = {};
  if (options.wasmBinary) moduleOptions.wasmBinary = options.wasmBinary;
  else if (options.wasmUrl) moduleOptions.locateFile = () => String(options.wasmUrl);
  else if (isNode) moduleOptions.wasmBinary = await readPackagedWasm();
  const module = await createGenAIModule(moduleOptions);
  module.genaiMakeError = makeError;
  return module;
}
