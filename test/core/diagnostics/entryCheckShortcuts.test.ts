// The per-entry checks take shortcuts that a big project's first lint needs (checkedEntries.ts,
// pythonLiteralsInJson.ts): each must answer exactly as the plain computation it replaces, which each test
// here keeps as its reference.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseCfg } from '../../../server/src/core/reader';
import {
  compileMemberPattern,
  findJsonMember,
  looksLikeJson,
} from '../../../server/src/core/diagnostics/checkedEntries';
import { findPythonLiterals, scanPythonLiterals } from '../../../server/src/core/diagnostics/pythonLiteralsInJson';
import { pyStrip } from '../../../server/src/core/python';
import { valueSpanToRange } from '../../../server/src/core/reader/valuePositions';

test('looksLikeJson is "the stripped value starts with { or [" (Python whitespace, not JS trim)', () => {
  const chars = ['{', '[', ' ', '\t', '\n', '\u001c', '\u0085', '\u00a0', '\u3000', '\ufeff', 'a', '"', ']'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 6 }), (parts) => {
      const value = parts.join('');
      const first = pyStrip(value)[0];
      assert.equal(looksLikeJson(value), first === '{' || first === '[', JSON.stringify(value));
    }),
    { numRuns: 5000 },
  );
});

test('findPythonLiterals (with its shortcut for texts without a literal word) equals the full scan', () => {
  const pieces = [
    'True',
    'False',
    'None',
    'Tru',
    'Fals',
    'Non',
    'TrueColor',
    'e',
    '"',
    "'",
    '\\',
    '#',
    '//',
    ' ',
    '\n',
    ':',
    '{',
    '}',
    ',',
    '-',
    '.',
    '_x',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      assert.deepStrictEqual(findPythonLiterals(text), scanPythonLiterals(text), JSON.stringify(text));
    }),
    { numRuns: 5000 },
  );
});

/** findJsonMember as it was, the pattern compiled for each search. */
function referenceMember(entry: Parameters<typeof findJsonMember>[0], key: string, from: number) {
  const re = compileMemberPattern(key);
  re.lastIndex = from;
  const m = re.exec(entry.rawValue);
  if (!m) return undefined;
  const text = m[0].replace(/\s+$/, '');
  return { range: valueSpanToRange(entry, m.index, m.index + text.length), end: m.index + m[0].length };
}

test('findJsonMember with remembered patterns equals a fresh pattern per search, in any order of keys and offsets', () => {
  const doc = parseCfg(
    '[k]\nsecrets = [\n    {"type": "env", "key": "a", "target": "T"},\n    {type: volume, "secret": "s.x"},\n' +
      '    {\'type\': \'en\', "key": "b"}\n    ]\n',
  );
  const entry = doc.sections[0].entries[0];
  const keys = ['type', 'key', 'target', 'secret', 's.x', 'missing', 'a'];
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...keys), fc.nat({ max: entry.rawValue.length + 2 })), { maxLength: 8 }),
      (searches) => {
        for (const [key, from] of searches) {
          assert.deepStrictEqual(findJsonMember(entry, key, from), referenceMember(entry, key, from), `${key}@${from}`);
        }
      },
    ),
    { numRuns: 500 },
  );
});
