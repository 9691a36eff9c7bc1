// README.md's key tables must be exactly what the schema renders; run `npm run docs:keys` after a schema change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KEYS_END_MARKER, KEYS_START_MARKER, withCurrentKeyTable } from '../../../server/src/core/schema';

const README = resolve(__dirname, '../../../../README.md');

test('README.md key table matches the schema (run `npm run docs:keys` to update)', () => {
  const readme = readFileSync(README, 'utf8');
  assert.ok(readme.includes(KEYS_START_MARKER) && readme.includes(KEYS_END_MARKER), 'README.md has the key markers');
  assert.equal(readme, withCurrentKeyTable(readme));
});
