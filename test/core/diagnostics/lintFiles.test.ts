// lintFiles over small configs: each finding at the right line, with its stable code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintFiles } from '../../../server/src/core/diagnostics/lintFiles';
import { REPO_ROOT } from '../../support/paths';

function codesAt(text: string): string[] {
  return lintFiles([{ path: '/p/databand-system.cfg', text }]).map((d) => `${d.range.start.line}:${d.code}`);
}

test('unknown key with a suggestion, invalid values, missing container_repository', () => {
  const codes = codesAt(
    [
      '[eng]',
      '_type = kubernetes',
      'namespcae = x',
      'in_cluster = on',
      'pods_creation_batch_size = 20 # per loop',
      '',
    ].join('\n'),
  );
  assert.deepEqual(
    codes.sort(),
    ['0:missing-required-key', '2:unknown-key', '3:invalid-value', '4:invalid-value'].sort(),
  );
  const unknown = lintFiles([
    { path: 'x.cfg', text: '[eng]\n_type = kubernetes\nnamespcae = x\ncontainer_repository = r\n' },
  ]).find((d) => d.code === 'unknown-key');
  assert.match(unknown?.message ?? '', /Did you mean 'namespace'/);
});

test('_from cycles and unknown _type are errors at the pragma line', () => {
  assert.deepEqual(
    codesAt('[a]\n_from = b\n[b]\n_from = a\n').filter((c) => c.endsWith('from-cycle')),
    ['1:from-cycle', '3:from-cycle'],
  );
  assert.deepEqual(codesAt('[typo_engine]\n_type = kuberntes\n'), ['1:unknown-type']);
});

test("a _from cycle is dbnd's RecursionError in dbnd's words (conformance case 35), then the sections of the cycle", () => {
  const cycle = lintFiles([{ path: '/p/x.cfg', text: '[a]\n_from = b\n[b]\n_from = a\n' }]).find(
    (d) => d.code === 'from-cycle',
  );
  assert.equal(
    cycle?.message,
    'dbnd fails building [a] with RecursionError: maximum recursion depth exceeded while calling a Python object ' +
      '(the _type/_from references form a cycle: a -> b -> a).',
  );
  const expected = JSON.parse(
    readFileSync(join(REPO_ROOT, 'test/fixtures/conformance/cases/35-err-from-cycle-recursion/expected.json'), 'utf8'),
  );
  assert.ok(cycle?.message.includes(`RecursionError: ${expected.error.message}`), 'the words dbnd raised');
});

test('a clean engine section has no findings, and syntax errors come through', () => {
  assert.deepEqual(codesAt('[eng]\n_type = kubernetes\ncontainer_repository = r\ncontainer_tag = t\n'), []);
  assert.ok(codesAt('[a]\nx = 1\n[a]\n').includes('2:duplicate-section'));
});

test('a byte order mark before the first header is one error (MissingSectionHeaderError), not two', () => {
  assert.deepEqual(codesAt("\ufeff[run]\nenvironments = ['local']\n"), ['0:missing-section-header']);
  // A line that is neither a header nor `key = value` after a header is still its own error.
  assert.deepEqual(codesAt('[run]\nno delimiter here\n'), ['1:invalid-line']);
});
