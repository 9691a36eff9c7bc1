// The incremental reader against the full one: after every edit of 10,000 random edit sequences over the sample
// workspace's files and dbnd's example files, the document the incremental reader built from the previous one
// equals `parseCfg` of the new text (every node, range, error and line-table row), and for a sample of them the
// lint of the file is the same on both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCfg, reparseCfg } from '../../../server/src/core/reader';
import { applyEdit, assertSameAsFull, assertSameDiagnostics, random, randomEdit, startTexts } from './incrementalEdits';

const SEQUENCES = Number(process.env.INCREMENTAL_SEQUENCES ?? 10_000);
const SEED = 20261206;

test(`incremental re-reading equals a full reading after ${SEQUENCES} random edit sequences`, () => {
  const rnd = random(SEED);
  const starts = startTexts();
  let edits = 0;
  for (let n = 0; n < SEQUENCES; n++) {
    const start = starts[n % starts.length];
    let doc = parseCfg(start.text);
    const length = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < length; k++) {
      const edit = randomEdit(rnd, doc.text);
      doc = applyEdit(doc, edit, Math.floor(rnd() * 3));
      edits++;
      const context = `sequence ${n} (${start.name}), edit ${k}: ${JSON.stringify(edit)}`;
      assertSameAsFull(doc, context);
      if (n % 200 === 0 && k === length - 1) assertSameDiagnostics(doc, context);
    }
  }
  assert.ok(edits >= SEQUENCES);
});

test('an edit above a block moves it without reading it again; the previous document is consumed', () => {
  const before = parseCfg('[a]\nx = 1\n[b]\ny = 2\n  more\n');
  const b = before.sections[1];
  const entry = b.entries[0];
  const after = reparseCfg(before, { from: 4, to: 4, text: 'w = 0\n' });
  assert.equal(after.sections[1], b, 'the unchanged block keeps its nodes');
  assert.deepEqual(entry.range, { start: { line: 4, character: 0 }, end: { line: 5, character: 6 } });
  assertSameAsFull(after, 'moved block');
  // A second edit of the consumed document reads its text afresh (its blocks moved on).
  const again = reparseCfg(before, { from: 0, to: 0, text: '# c\n' });
  assertSameAsFull(again, 'consumed document');
});

test('an edit that turns a header into a continuation joins its block to the one above', () => {
  const before = parseCfg('[a]\nx = 1\n[b]\ny = 2\n');
  const after = reparseCfg(before, { from: 10, to: 10, text: '  ' });
  assert.equal(after.sections.length, 1);
  assert.equal(after.sections[0].entries[0].rawValue, '1\n[b]');
  assertSameAsFull(after, 'joined');
});
