// The shared test helpers do what the tests that use them rely on, including failing when they should.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { textOf, withCursor } from './cursor';
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
