// Value parsing corners where dbnd's answer comes from Python itself (int(), str(), Ansible's split_args):
// docs/dbnd-rules.md §1.2. Each input is one the conformance cases do not use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParameterValue } from '../../../server/src/core/values/parseValue';
import { splitArgs } from '../../../server/src/core/values/splitArgs';
import type { ValueTypeName } from '../../../server/src/core/schema/types';
import type { Json } from '../../../server/src/core/json';

const ctx = { env: { HOME: '/home/alice' } };
const parse = (raw: Json, type: ValueTypeName) => parseParameterValue(raw, { type }, ctx);
const value = (raw: Json, type: ValueTypeName) => {
  const r = parse(raw, type);
  assert.ok(r.ok, `expected ${JSON.stringify(raw)} to parse as ${type}: ${JSON.stringify(r)}`);
  return r.value;
};

test('int is Python int(): leading zeros and Unicode decimal digits are accepted', () => {
  assert.equal(value('007', 'int'), 7);
  assert.equal(value('0_7', 'int'), 7);
  assert.equal(value('\u0663', 'int'), 3, 'ARABIC-INDIC DIGIT THREE');
  assert.equal(value('\uff11\uff10', 'int'), 10, 'full-width digits');
  assert.equal(value('\u00a012\u2003', 'int'), 12, 'Unicode blanks around the number are stripped');
  assert.equal(parse('1__0', 'int').ok, false);
  assert.equal(parse('0x10', 'int').ok, false);
  assert.equal(parse('7.0', 'int').ok, false);
  assert.equal(value('\u0661.5', 'float'), 1.5);
});

test('List[str] read from text: every None leaf becomes the string None, objects from task_config keep None', () => {
  assert.deepEqual(value('[true, null, 1.5, {"x": [1, false]}]', 'List[str]'), [
    'True',
    'None',
    '1.5',
    { x: ['1', 'False'] },
  ]);
  assert.deepEqual(value('["@None", "@@x"]', 'List[str]'), ['None', '@x']);
  assert.deepEqual(value([{ x: null, y: 1 }], 'List[str]'), [{ x: null, y: '1' }]);
});

test('the k=v Dict form splits words on spaces only, like Ansible split_args', () => {
  assert.deepEqual(value('a=1\tb=2', 'Dict'), { a: '1\tb=2' }, 'a tab does not separate words');
  assert.deepEqual(value('a=1\nb=2', 'Dict'), { a: '1', b: '2' }, 'a newline does');
  assert.deepEqual(value('a=\'x y\' b="p q"', 'Dict'), { a: 'x y', b: 'p q' });
  assert.deepEqual(value('a={{ x y }} b=1', 'Dict'), { a: '{{ x y }}', b: '1' }, 'a Jinja2 block holds words');
  assert.deepEqual(value('a=1 \\ b=2', 'Dict'), { a: '1', b: '2' }, 'a lone backslash is a line continuation');
  const unbalanced = parse('a="x y', 'Dict');
  assert.ok(!unbalanced.ok && unbalanced.error.message.includes('unbalanced'), JSON.stringify(unbalanced));
});

test('split_args keeps the newline that separated quoted lines', () => {
  assert.deepEqual(splitArgs('a="x\ny" b=1'), { ok: true, value: ['a="x\ny"', 'b=1'] });
});
