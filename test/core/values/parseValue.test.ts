// Value parsing by dbnd type: the rules of docs/dbnd-rules.md §1.2–1.4, each with the trap it guards against.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseParameterValue } from '../../../server/src/core/values/parseValue';
import { parseTimedelta } from '../../../server/src/core/values/parseTimedelta';
import { expandEnvVar } from '../../../server/src/core/values/expandVars';
import { PARAM_VALIDATION_VALUES } from '../../../server/src/core/schema';
import type { ValueTypeName } from '../../../server/src/core/schema/types';
import type { Json } from '../../../server/src/core/json';

const ctx = { env: { HOME: '/home/alice', NS: 'team-a', LOOP: 'x$LOOP' } };
const parse = (raw: Json, type: ValueTypeName) => parseParameterValue(raw, { type }, ctx);
const value = (raw: Json, type: ValueTypeName) => {
  const r = parse(raw, type);
  assert.ok(r.ok, `expected ${JSON.stringify(raw)} to parse as ${type}`);
  return r.value;
};

test('bool: dbnd words only, inline comment dropped, on/empty rejected', () => {
  assert.equal(value('Yes', 'bool'), true);
  assert.equal(value('0 # off', 'bool'), false);
  assert.equal(parse('on', 'bool').ok, false);
  assert.equal(parse('', 'bool').ok, false);
});

test('int keeps the inline comment, so it fails like int() does', () => {
  assert.equal(value(' 1_000 ', 'int'), 1000);
  const r = parse('20 # per loop', 'int');
  assert.ok(!r.ok && r.error.message === "invalid literal for int() with base 10: '20 # per loop'");
});

test('timedelta: simple and ISO forms, silent truncation, bare numbers rejected', () => {
  assert.deepEqual(parseTimedelta('1d12h'), { ok: true, value: 129600 });
  assert.deepEqual(parseTimedelta('1 week 2 days'), { ok: true, value: 777600 });
  assert.deepEqual(parseTimedelta('P1DT2H'), { ok: true, value: 93600 });
  assert.deepEqual(parseTimedelta('12h 1d'), { ok: true, value: 43200 });
  assert.deepEqual(parseTimedelta('0s'), { ok: true, value: 0 });
  assert.equal(parseTimedelta('90').ok, false);
  assert.equal(parseTimedelta('P0D').ok, false);
});

test('Dict/List: hjson for {[@, k=v words and comma split otherwise', () => {
  assert.deepEqual(value("{'nvidia.com/gpu': 1}", 'Dict'), { 'nvidia.com/gpu': 1 });
  assert.deepEqual(value('a=1, b="x y"', 'Dict'), { a: '1,', b: 'x y' });
  assert.deepEqual(value('a, b', 'List'), ['a', ' b']);
  assert.deepEqual(value('', 'List'), []);
  assert.equal(parse('[a, b]', 'List').ok, false, 'quoteless strings run to the end of the line');
  assert.deepEqual(value('[1, 2]', 'Dict'), [1, 2], 'dbnd does not check the shape on the hjson path');
});

test('List[str] stringifies every leaf with Python spelling', () => {
  // str(None) too: dbnd's final normalize str()-s every leaf of a value read from text (checked with dbnd's own
  // ListValueType(StrValueType()).parse_value), so a JSON null becomes 'None'.
  assert.deepEqual(value('[{"readOnly": true, "mode": 420, "x": null}]', 'List[str]'), [
    { readOnly: 'True', mode: '420', x: 'None' },
  ]);
});

test('@None, @@ and file references', () => {
  assert.equal(value('@None', 'bool'), null);
  assert.equal(value('@@team', 'str'), '@team');
  const r = parse('@ops-team', 'str');
  assert.ok(!r.ok && r.error.type === 'FileNotFoundError');
});

test('$VAR, ${VAR} and ~ expand before parsing; unknown variables stay; runaway expansion stops', () => {
  assert.equal(value('${NS}-$NS-$UNSET', 'str'), 'team-a-team-a-$UNSET');
  assert.equal(value('~/x', 'str'), '/home/alice/x');
  assert.equal(expandEnvVar('$LOOP', ctx.env).diverged, true);
});

test('objects from task_config are normalized, not re-parsed', () => {
  assert.equal(value(5, 'str'), '5');
  assert.deepEqual(value({ a: 1 }, 'Dict'), { a: 1 });
  assert.equal(value(0, 'bool'), false);
});

test('an Enum parses by the members of its own parameter', () => {
  const colours = { type: 'Enum' as const, enumValues: ['red', 'green'] };
  assert.deepEqual(parseParameterValue('green', colours, ctx), { ok: true, value: 'green' });
  const r = parseParameterValue('warn', colours, ctx);
  assert.ok(
    !r.ok && r.error.type === 'ValueError' && r.error.message.includes("<ParamValidation.red: 'red'>"),
    JSON.stringify(r),
  );
  const validate = { type: 'Enum' as const, enumValues: PARAM_VALIDATION_VALUES };
  assert.deepEqual(parseParameterValue('warn', validate, ctx), { ok: true, value: 'warn' });
});
