// docs/config-keys.md's key tables must be exactly what the schema renders; run `npm run docs:keys` after a schema
// change. The README links to that file instead of carrying the table, so the README must not hold the markers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { KEYS_END_MARKER, KEYS_START_MARKER, withCurrentKeyTable } from '../../../server/src/core/schema';
import { repoPath } from '../../support/paths';

test('docs/config-keys.md key table matches the schema (run `npm run docs:keys` to update)', () => {
  const doc = readFileSync(repoPath('docs/config-keys.md'), 'utf8');
  assert.ok(
    doc.includes(KEYS_START_MARKER) && doc.includes(KEYS_END_MARKER),
    'docs/config-keys.md has the key markers',
  );
  assert.equal(doc, withCurrentKeyTable(doc));
});

test('the README links to the key reference instead of carrying it', () => {
  const readme = readFileSync(repoPath('README.md'), 'utf8');
  assert.ok(!readme.includes(KEYS_START_MARKER), 'README.md has no generated key table');
  assert.ok(readme.includes('docs/config-keys.md'), 'README.md links to docs/config-keys.md');
});
