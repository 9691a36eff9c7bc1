import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pyList2cmdline, pyShlexSplit } from '../../../server/src/core/python';

function split(s: string): string[] {
  const r = pyShlexSplit(s);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

test('pyList2cmdline quotes only on space, tab or empty, and escapes quotes with their preceding backslashes', () => {
  assert.equal(pyList2cmdline(['dbnd', 'run', 'run.name=my nightly run']), 'dbnd run "run.name=my nightly run"');
  assert.equal(pyList2cmdline(['']), '""');
  assert.equal(pyList2cmdline(['a"b']), 'a\\"b');
  assert.equal(pyList2cmdline(['a\\"b']), 'a\\\\\\"b');
  assert.equal(pyList2cmdline(['C:\\data\\in']), 'C:\\data\\in');
  assert.equal(pyList2cmdline(['a b\\']), '"a b\\\\"');
  assert.equal(pyList2cmdline(['x\ty', 'z']), '"x\ty" z');
});

test('shlex.split in posix mode', () => {
  assert.deepEqual(split("bash -c 'sleep 3600'"), ['bash', '-c', 'sleep 3600']);
  assert.deepEqual(split('a "b c" d'), ['a', 'b c', 'd']);
  assert.deepEqual(split('task.input=C:\\data\\in'), ['task.input=C:datain']);
  assert.deepEqual(split('"a\\"b" \'c\\d\''), ['a"b', 'c\\d']);
  assert.deepEqual(split('"x\\y"'), ['x\\y']);
  assert.deepEqual(split("'' x"), ['', 'x']);
  assert.deepEqual(split('  a\n\tb  '), ['a', 'b']);
  assert.deepEqual(split('a""b'), ['ab']);
  assert.deepEqual(split(''), []);
  assert.deepEqual(pyShlexSplit("'open"), {
    ok: false,
    error: { type: 'ValueError', message: 'No closing quotation' },
  });
  assert.deepEqual(pyShlexSplit('end\\'), {
    ok: false,
    error: { type: 'ValueError', message: 'No escaped character' },
  });
});

test('the driver round trip eats backslashes but keeps a quoted argument with spaces', () => {
  const args = ['dbnd', 'run', '--set', 'run.name=my nightly run', '--set', 'task.input=C:\\data\\in'];
  assert.deepEqual(split(pyList2cmdline(args)), [
    'dbnd',
    'run',
    '--set',
    'run.name=my nightly run',
    '--set',
    'task.input=C:datain',
  ]);
});

test('property: pyShlexSplit(pyList2cmdline(args)) gives args back when no argument holds a backslash or a quote', () => {
  const arg = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', '\t', '-', '=', '.', '/', '$', 'é', ':') });
  fc.assert(
    fc.property(fc.array(arg, { maxLength: 8 }), (args) => {
      const r = pyShlexSplit(pyList2cmdline(args));
      assert.ok(r.ok);
      // pyList2cmdline quotes an argument containing a space or a tab, and writes "" for an empty one.
      assert.deepEqual(r.value, args);
    }),
  );
});
