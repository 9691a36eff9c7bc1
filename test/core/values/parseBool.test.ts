// parseBool answers the common spellings from a table before the full parse_bool steps: the table must give
// exactly what the full steps give, for its own spellings and for everything else people write.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { COMMON_BOOL_SPELLINGS, parseBool, parseBoolInFull } from '../../../server/src/core/values/parseBool';

test('every spelling the table answers gets the answer of the full parse', () => {
  assert.ok(COMMON_BOOL_SPELLINGS.size >= 16);
  for (const [spelling, answer] of COMMON_BOOL_SPELLINGS) {
    assert.deepStrictEqual(answer, parseBoolInFull(spelling), spelling);
  }
});

test('parseBool equals the full parse on random and near-boolean texts', () => {
  const pieces = [
    't',
    'T',
    'true',
    'True',
    'TRUE',
    'yes',
    'Yes',
    'no',
    'NO',
    '1',
    '0',
    'f',
    'False',
    'x',
    '#',
    ' ',
    '\t',
    '\u0085',
    '\u00a0',
    '\ufeff',
    'trUe',
    'İ',
  ];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join(''));
  fc.assert(
    fc.property(fc.oneof(text, fc.string({ maxLength: 6 })), (value) => {
      assert.deepStrictEqual(parseBool(value), parseBoolInFull(value));
    }),
    { numRuns: 5000 },
  );
});
