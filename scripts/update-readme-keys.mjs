// Rewrites the key tables in docs/config-keys.md (between <!-- keys:start --> and <!-- keys:end -->) from the key
// schema. Run through `npm run docs:keys`, which compiles with tsc first; the markers are appended if missing.
// (The file name is historical: the table lived in README.md until the README became the Marketplace page.)
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { withCurrentKeyTable } = require('../out/server/src/core/schema/readmeKeys.js');

const KEYS_DOC = new URL('../docs/config-keys.md', import.meta.url);
const before = existsSync(KEYS_DOC) ? readFileSync(KEYS_DOC, 'utf8') : '';
const after = withCurrentKeyTable(before);
if (after === before) {
  console.log('docs/config-keys.md key table is up to date');
} else {
  writeFileSync(KEYS_DOC, after);
  console.log('docs/config-keys.md key table updated');
}
