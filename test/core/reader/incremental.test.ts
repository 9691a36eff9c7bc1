// The incremental reader against the full one: after every edit of 10,000 random edit sequences over the sample
// workspace's files and dbnd's example files, the document the incremental reader built from the previous one
// equals `parseCfg` of the new text (every node, range, error and line-table row), and for a sample of them the
// lint of the file is the same on both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCfg, reparseCfg, toDbndView, type CfgDocument } from '../../../server/src/core/reader';
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

/** `doc` with the first `from` in its text replaced by `to`. */
function replaced(doc: CfgDocument, from: string, to: string): CfgDocument {
  const at = doc.text.indexOf(from);
  assert.ok(at >= 0);
  return reparseCfg(doc, { from: at, to: at + from.length, text: to });
}

test('an edit reuses the parser sections, options and view maps of the sections it did not touch', () => {
  const source = '/project/project.cfg';
  const before = parseCfg('[DEFAULT]\nd = 1\n[a]\nx = %(d)s\n[b]\ny = 2\n[c]\nz = 3\n[B]\nw = 4\n');
  const [a, b, c] = before.parser.sections;
  const viewBefore = toDbndView(before, source);
  assert.equal(viewBefore.kind, 'sections');
  const after = replaced(before, 'y = 2', 'y = 5');
  assertSameAsFull(after, 'value edited');
  assert.equal(after.parser.sections[0], a, 'an untouched section is the same');
  assert.equal(after.parser.sections[2], c);
  assert.notEqual(after.parser.sections[1], b, 'the edited one is new');
  assert.equal(after.parser.sections[0].options[0].value, '1', 'its values are read again');
  const viewAfter = toDbndView(after, source);
  assert.ok(viewAfter.kind === 'sections' && viewBefore.kind === 'sections');
  assert.equal(viewAfter.sections.get('a'), viewBefore.sections.get('a'), "an untouched section's view is the same");
  // [b] and [B] merge in dbnd's view: the merged section is made again (never a reused one written to).
  assert.notEqual(viewAfter.sections.get('b'), viewBefore.sections.get('b'));
  assert.deepEqual([...(viewAfter.sections.get('b')?.values.keys() ?? [])], ['y', 'd', 'w']);

  // [DEFAULT]'s keys are options of every section: a [DEFAULT] edit makes every section's options again.
  const defaults = replaced(after, 'd = 1', 'd = 7');
  assertSameAsFull(defaults, 'default edited');
  assert.notEqual(defaults.parser.sections[2], c);
  assert.equal(defaults.parser.sections[0].options[0].value, '7');
  const viewDefaults = toDbndView(defaults, source);
  assert.ok(viewDefaults.kind === 'sections');
  assert.equal(viewDefaults.sections.get('a')?.values.get('x')?.value, '7');
  assert.equal(viewDefaults.sections.get('c')?.values.get('d')?.value, '7');

  // Sections that merge in dbnd's view (names differing by case) are not kept as the first one's view: once the
  // second is renamed, the first section's view holds its own keys only.
  const cased = parseCfg('[k]\nx = 1\n[m]\nv = 0\n[K]\ny = 2\n');
  assert.ok(toDbndView(cased, source).kind === 'sections');
  const renamed = replaced(cased, '[K]', '[q]');
  assertSameAsFull(renamed, 'merged header renamed');
  const viewRenamed = toDbndView(renamed, source);
  assert.ok(viewRenamed.kind === 'sections');
  assert.deepEqual([...(viewRenamed.sections.get('k')?.values.keys() ?? [])], ['x']);

  // A second header of an untouched section's name merges into it: the section is made again.
  const merged = replaced(defaults, '[B]', '[c]');
  assertSameAsFull(merged, 'header renamed');
  assert.deepEqual(
    merged.parser.sections.map((s) => s.name),
    ['a', 'b', 'c'],
  );
  assert.deepEqual(
    merged.parser.sections[2].options.map((o) => o.key),
    ['z', 'w', 'd'],
  );
});
