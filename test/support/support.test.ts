// The shared test helpers do what the tests that use them rely on, including failing when they should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { textOf, withCursor } from './cursor';
import { analysisFixture, cursorProject, projectOf, uriOf, writeFixture } from './fixture';
import { assertText, dedent } from './expectText';
import { REPO_ROOT, repoPath } from './paths';

test('REPO_ROOT is the folder with the package.json and the test workspace', () => {
  assert.ok(existsSync(join(REPO_ROOT, 'package.json')));
  assert.equal(repoPath('test', 'workspace'), join(REPO_ROOT, 'test', 'workspace'));
  assert.ok(existsSync(repoPath('test', 'workspace', 'project.cfg')));
});

test('withCursor removes $0 and gives its 0-based position and offset, across \\n and \\r\\n', () => {
  assert.deepEqual(withCursor('[k]\nname$0space = x\n'), {
    text: '[k]\nnamespace = x\n',
    position: { line: 1, character: 4 },
    offset: 8,
  });
  assert.deepEqual(withCursor('$0a').position, { line: 0, character: 0 });
  assert.deepEqual(withCursor('a\r\nb\r\n  $0c').position, { line: 2, character: 2 });
});

test('withCursor rejects a fixture without a cursor or with two', () => {
  assert.throws(() => withCursor('no cursor'), /exactly one \$0/);
  assert.throws(() => withCursor('$0 and $0'), /exactly one \$0/);
});

test('textOf returns the covered text on one line and across lines', () => {
  const text = 'ab\ncdef\ngh';
  assert.equal(textOf(text, { start: { line: 1, character: 1 }, end: { line: 1, character: 3 } }), 'de');
  assert.equal(textOf(text, { start: { line: 0, character: 1 }, end: { line: 2, character: 1 } }), 'b\ncdef\ng');
});

test('dedent drops the backtick lines and the common indentation, keeping deeper indentation', () => {
  assert.equal(dedent('\n    [k]\n      a = [\n    x = 1\n  '), '[k]\n  a = [\nx = 1\n');
});

test('assertText passes on equal text and fails naming the visible line ends', () => {
  assertText(
    '[k]\na = 1\n',
    `
    [k]
    a = 1
  `,
  );
  assert.throws(
    () =>
      assertText(
        '[k]\na = 1 \n',
        `
    [k]
    a = 1
  `,
      ),
    (err: Error) => err.message.includes('|a = 1 ⏎'),
  );
});

test('fixtures: both forms give the Analysis of their files, with the $0 cursor taken out by withCursor', () => {
  const spec = analysisFixture('//- /p/project.cfg\n[core]\ndataband_$0url = x\n//- /p/pod.yaml\nkind: Pod\n');
  assert.equal(spec.uri, 'file:///p/project.cfg');
  assert.deepEqual(spec.position, { line: 1, character: 9 });
  assert.equal(spec.texts.get(spec.uri), '[core]\ndataband_url = x\n');
  assert.equal(spec.analysis.snapshot.files.length, 1, 'only .cfg files are project files');
  assert.equal(spec.analysis.snapshot.readFile('/p/pod.yaml'), 'kind: Pod\n', 'other files are readable');
  assert.equal(spec.analysis.snapshot.files[0].open, true);

  const record = cursorProject({ 'a.cfg': '[a]\n', 'b.cfg': '[b]\n_from = $0a\n' });
  assert.equal(record.uri, uriOf('b.cfg'));
  assert.deepEqual(record.position, { line: 1, character: 8 });
  assert.deepEqual(
    record.analysis.snapshot.files.map((f) => [f.path, f.open]),
    [
      ['/proj/a.cfg', false],
      ['/proj/b.cfg', false],
    ],
  );
});

test('fixtures: a cursor is required where a position is tested, and never two', () => {
  assert.throws(() => analysisFixture('//- /p/project.cfg\n[core]\n'), /exactly one \$0/);
  assert.throws(() => cursorProject({ 'a.cfg': '$0', 'b.cfg': '$0' }), /exactly one \$0/);
  assert.throws(() => writeFixture('//- /a.cfg\n$0\n//- /b.cfg\n$0\n'), /at most one \$0/);
  assert.equal(projectOf({ 'a.cfg': '[a]\n' }).snapshot.files.length, 1);
});
