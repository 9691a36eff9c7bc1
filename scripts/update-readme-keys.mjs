// Rewrites the key tables in README.md (between <!-- keys:start --> and <!-- keys:end -->) from the key schema.
// Run through `npm run docs:keys`, which compiles with tsc first; the markers are appended if missing.
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { withCurrentKeyTable } = require('../out/server/src/core/schema/readmeKeys.js');

const README = new URL('../README.md', import.meta.url);
const before = existsSync(README) ? readFileSync(README, 'utf8') : '';
const after = withCurrentKeyTable(before);
if (after === before) {
  console.log('README.md key table is up to date');
} else {
  writeFileSync(README, after);
  console.log('README.md key table updated');
}
