import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineSplitter, MAX_LINE, type OutputLine } from '../../server/src/runIo/commandOutput';

function split(chunks: readonly string[]): string[] {
  const lines: OutputLine[] = [];
  const splitter = new LineSplitter('stdout', (l) => lines.push(l));
  for (const c of chunks) splitter.write(Buffer.from(c));
  splitter.end();
  return lines.map((l) => l.text);
}

test('a long line is passed on in MAX_LINE pieces, also when the chunk that ends it carries more than MAX_LINE', () => {
  // How pipes really deliver it: the first chunk leaves a MAX_LINE partial, the next one ends the line far later.
  const lines = split(['x'.repeat(MAX_LINE * 2), 'x'.repeat(MAX_LINE * 2 + 100) + '\nnext\n']);
  assert.deepEqual(
    lines.map((l) => l.length),
    [MAX_LINE, MAX_LINE, MAX_LINE, MAX_LINE, 100, 4],
  );
  assert.equal(lines.at(-1), 'next');
});

test('\\r, \\n and \\r\\n end lines; a \\r\\n split across chunks is one end', () => {
  assert.deepEqual(split(['a\rb\r', '\nc\nd']), ['a', 'b', 'c', 'd']);
});
