// The core's hjson reading takes a native JSON.parse shortcut for plain JSON and remembers results: both must
// leave every answer exactly as hjson-js gives it (the parser the core follows for dbnd's hjson reads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Hjson from 'hjson';
import { parseHjson } from '../../../server/src/core/values/hjson';

/** hjson-js itself, as the core used it before the shortcut: the reference. */
function reference(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: Hjson.parse(text) };
  } catch {
    return { ok: false };
  }
}

function assertSameAsHjson(text: string): void {
  const ours = parseHjson(text);
  const theirs = reference(text);
  assert.equal(ours.ok, theirs.ok, `ok differs for ${JSON.stringify(text)}`);
  if (ours.ok && theirs.ok) {
    assert.deepStrictEqual(JSON.stringify(ours.value), JSON.stringify(theirs.value), `value of ${text}`);
    // Types and key order as hjson gives them; a `__proto__` key leaves each result its own prototype object.
    if (!text.includes('__proto__')) assert.deepStrictEqual(ours.value, theirs.value);
  }
}

/** JSON text with the spacing people write: none, spaces, newlines and indentation. */
const jsonText = fc
  .tuple(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(undefined, 0, 1, 2, 4, '\t'))
  .map(([value, indent]) => JSON.stringify(value, null, indent));

test('plain JSON reads as hjson-js reads it (random values and spacing)', () => {
  fc.assert(
    fc.property(jsonText, (text) => assertSameAsHjson(text)),
    { numRuns: 3000 },
  );
});

test('the JSON that hjson-js reads differently from JSON.parse keeps hjson-js answer', () => {
  // An overflowing number is not a number to hjson-js: `1e999}` is read as a quoteless string, so it fails.
  assertSameAsHjson('{"a": 1e999}');
  assertSameAsHjson('[1e999\n]');
  assertSameAsHjson(`{"a": ${'9'.repeat(400)}}`);
  // hjson-js assigns `__proto__` (it sets the prototype; the key disappears); JSON.parse keeps an own key.
  assertSameAsHjson('{"__proto__": {"x": 1}, "y": 2}');
  // Duplicate keys: the last value, at the first key's position, in both.
  assertSameAsHjson('{"a": 1, "b": 2, "a": 3}');
  assertSameAsHjson('[-0, 0.0, 1E+2, 1e-7, 12345678901234567890]');
});

test('hjson that is not JSON still reads as hjson-js reads it', () => {
  for (const text of [
    '{a: 1}',
    "{'a': 'b'}",
    '{"a": True}',
    '{"a": [1, 2,]}',
    '{\n  a: quoteless string\n  b: 2 # comment\n}',
    '[1, 2]]',
    '{"a": "tab\there"}',
  ])
    assertSameAsHjson(text);
});

test('a remembered result is the same frozen value, so no caller can change what the next one gets', () => {
  const first = parseHjson('{"labels": {"team": "a"}, "list": [1]}');
  const second = parseHjson('{"labels": {"team": "a"}, "list": [1]}');
  assert.ok(first.ok && second.ok);
  assert.equal(first.value, second.value);
  assert.ok(Object.isFrozen(first.value));
  const labels = (first.value as { labels: object }).labels;
  assert.ok(Object.isFrozen(labels));
  assert.throws(() => {
    (labels as Record<string, string>).team = 'b';
  }, TypeError);
});

test('nesting deeper than Python hjson can decode is a RecursionError, remembered or not', () => {
  const deep = '['.repeat(501) + ']'.repeat(501);
  for (let i = 0; i < 2; i++) {
    const r = parseHjson(deep);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.type, 'RecursionError');
  }
  assert.ok(parseHjson('['.repeat(500) + ']'.repeat(500)).ok);
  // The shortest text that nests too deep (texts up to the limit's length skip the scan): still the error.
  const shortest = parseHjson('['.repeat(501));
  assert.equal(!shortest.ok && shortest.error.type, 'RecursionError');
  const notDeep = parseHjson('['.repeat(500));
  assert.equal(!notDeep.ok && notDeep.error.type, 'HjsonDecodeError');
});
