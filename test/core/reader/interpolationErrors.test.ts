// Interpolation errors as `interpolateAll` reports them: one per cause. A [DEFAULT] value read through several
// sections can fail differently in each (here a missing key in one, a recursion through the section's own key in
// the other, at another range); it is reported once, at its first failure, while the section's own key that
// recurses is reported on its own. Guards the test of "is this option the section's own entry" (assemble.ts
// hands the merged section's own-key map to the interpolation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCfg } from '../../../server/src/core/reader';

test('a [DEFAULT] value failing differently in two sections is reported once; a section key once too', () => {
  const doc = parseCfg(['[DEFAULT]', 'a = %(x)s', '[one]', 'b = 1', '[two]', 'x = %(x)s', ''].join('\n'));
  const found = doc.errors.map((e) => `${e.code} ${'section' in e ? e.section : ''}.${'option' in e ? e.option : ''}`);
  assert.deepEqual(found, ['interpolation-missing-option one.a', 'interpolation-depth two.x']);
  assert.equal(doc.raisedError?.code, 'interpolation-missing-option');
});

test('an own key and a [DEFAULT] key of the same section each report their own failure', () => {
  const doc = parseCfg(['[DEFAULT]', 'd = 50%', '[s]', 'k = %(missing)s', ''].join('\n'));
  const found = doc.errors.map((e) => `${e.code} ${'section' in e ? e.section : ''}.${'option' in e ? e.option : ''}`);
  assert.deepEqual(found, ['interpolation-missing-option s.k', 'interpolation-syntax s.d']);
});
