// The ```js examples of the README, by `## ` section: a service whose examples need their own
// peer (aimock, an MCP server) runs its section in its own test file; readme.test.mjs runs the rest.
import { readFileSync } from 'node:fs';
import { repoRoot } from './peers.mjs';

// The sections run by their own test files, by their `## ` title.
export const SECTIONS_WITH_OWN_TESTS = ['Example: LlamaStack', 'Example: MCP'];

function sections() {
  const readme = readFileSync(`${repoRoot}README.md`, 'utf8');
  return readme.split(/^(?=## )/m).map((text) => ({
    title: text.startsWith('## ') ? text.slice(3, text.indexOf('\n')).trim() : '',
    examples: [...text.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]),
  }));
}

// The examples of the section titled `title`.
export function readmeExamples(title) {
  return sections().filter((s) => s.title === title).flatMap((s) => s.examples);
}

// The examples of every section not in SECTIONS_WITH_OWN_TESTS.
export function readmeExamplesElsewhere() {
  return sections().filter((s) => !SECTIONS_WITH_OWN_TESTS.includes(s.title)).flatMap((s) => s.examples);
}
