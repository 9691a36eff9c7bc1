// The --set question takes what `dbnd run --set` takes: spaces, quotes and JSON in the value, one value per entry.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { setArguments, setValueError } from '../../../client/src/cluster/setValues';

test('values with spaces, quotes and JSON are accepted and kept whole', () => {
  const entries = [
    'kubernetes.debug_with_command=sleep 3600',
    'kubernetes.labels={"team": "a b"}',
    "task.msg='it''s = fine'",
    ' {"kubernetes.labels": {"a": "b"}} ',
  ];
  for (const e of entries) assert.equal(setValueError(e), undefined, e);
  assert.deepEqual(setArguments([...entries, '  ']), [
    'kubernetes.debug_with_command=sleep 3600',
    'kubernetes.labels={"team": "a b"}',
    "task.msg='it''s = fine'",
    '{"kubernetes.labels": {"a": "b"}}',
  ]);
});

test('an entry without SECTION.KEY= is refused with what is expected', () => {
  assert.match(setValueError('kubernetes.debug') ?? '', /SECTION\.KEY=VALUE/);
  assert.match(setValueError('debug=1') ?? '', /"debug" is not SECTION.KEY/);
  assert.match(setValueError('a b.c=1') ?? '', /is not SECTION.KEY/);
  assert.equal(setValueError(''), undefined);
});
