// The tolerant reading: the lines dbnd rejects set aside, every other line at its place, and the result equal to
// the strict reading of the file with those lines removed (commented out, which configparser ignores).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  dbndViewToJson,
  parseCfg,
  reparseCfgText,
  toDbndView,
  tolerantDocument,
} from '../../../server/src/core/reader';
import { hasReaderState } from '../../../server/src/core/reader/assemble';
import { applyEdit, assertSameAsFull, random, randomEdit, startTexts } from './incrementalEdits';

const SEQUENCES = Number(process.env.TOLERANT_SEQUENCES ?? 2_000);

function tolerant(text: string) {
  const t = tolerantDocument(parseCfg(text));
  return { lines: t.setAsideLines, view: dbndViewToJson(toDbndView(t.doc, 'f.cfg')), doc: t.doc };
}

/** The strict view of `text` with `lines` (0-based) commented out. */
function withoutLines(text: string, lines: readonly number[]) {
  const split = text.split('\n');
  for (const l of lines) split[l] = '#';
  return dbndViewToJson(toDbndView(parseCfg(split.join('\n')), 'f.cfg'));
}

test('a document that loads is its own tolerant reading', () => {
  const doc = parseCfg('[a]\nx = 1\n');
  assert.equal(tolerantDocument(doc).doc, doc);
  assert.deepEqual(tolerantDocument(doc).setAsideLines, []);
});

test('a bogus line is set aside; the entries around it keep their ranges', () => {
  const text = '[k]\n_type = kubernetes\nnamesp\nimage = x\n';
  const t = tolerant(text);
  assert.deepEqual(t.lines, [2]);
  assert.equal(t.doc.raisedError, null);
  assert.deepEqual(t.view, { sections: { k: { _type: 'kubernetes', image: 'x' } } });
  assert.deepEqual(t.doc.sections[0].entries[1].keyRange, parseCfg(text).sections[0].entries[1].keyRange);
});

test('an unclosed header is set aside: the lines below stay in the section above, as without it', () => {
  const text = '[a]\nx = 1\n[b\ny = 2\n';
  assert.deepEqual(tolerant(text).view, withoutLines(text, [2]));
  assert.deepEqual(tolerant(text).view, { sections: { a: { x: '1', y: '2' } } });
});

test('a bogus line between a key and its continuation does not end the value (configparser keeps optname)', () => {
  const text = '[a]\nx = 1\nbogus\n  2\n';
  assert.deepEqual(tolerant(text).view, { sections: { a: { x: '1\n2' } } });
});

test('lines before any header are set aside; a byte order mark is read as a space', () => {
  assert.deepEqual(tolerant('x = 1\ny = 2\n[a]\nz = 3\n'), {
    ...tolerant('x = 1\ny = 2\n[a]\nz = 3\n'),
    lines: [0, 1],
  });
  assert.deepEqual(tolerant('x = 1\n[a]\nz = 3\n').view, { sections: { a: { z: '3' } } });
  const bom = tolerant('\uFEFF[a]\nz = 3\n');
  assert.deepEqual(bom.view, { sections: { a: { z: '3' } } });
  assert.deepEqual(bom.lines, []);
  assert.deepEqual(bom.doc.sections[0].nameRange, { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } });
});

test('a duplicate key: the later entry is set aside with its continuation lines (the first wins)', () => {
  const t = tolerant('[a]\nx = first\ny = 2\nx = second\n  more\nz = 3\n');
  assert.deepEqual(t.lines, [3, 4]);
  assert.deepEqual(t.view, { sections: { a: { x: 'first', y: '2', z: '3' } } });
});

test('a duplicate section: the later header and its block are set aside (the first wins)', () => {
  const t = tolerant('[a]\nx = 1\n[b]\ny = 2\n[a]\nx = 2\nw = 3\n[c]\nz = 4\n');
  assert.deepEqual(t.lines, [4, 5, 6]);
  assert.deepEqual(t.view, { sections: { a: { x: '1' }, b: { y: '2' }, c: { z: '4' } } });
});

test('an empty key is set aside', () => {
  assert.deepEqual(tolerant('[a]\n = 1\nx = 2\n').view, { sections: { a: { x: '2' } } });
});

test('a failing interpolation sets its entry aside, then the entries that read it', () => {
  const t = tolerant('[a]\nroot = %(nam\npath = %(root)s/x\nok = 1\n');
  assert.deepEqual(t.lines, [1, 2]);
  assert.deepEqual(t.view, { sections: { a: { ok: '1' } } });
});

test('CRLF line endings keep their positions', () => {
  const t = tolerant('[a]\r\nx = 1\r\nnamesp\r\ny = 2\r\n');
  assert.deepEqual(t.lines, [2]);
  assert.deepEqual(t.view, { sections: { a: { x: '1', y: '2' } } });
  assert.equal(t.doc.sections[0].entries[1].keyRange.start.line, 3);
});

test("dbnd's example files: each line made bogus, the tolerant view is the file's view without that line", () => {
  const dir = resolve('test/fixtures/examples');
  let checked = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.cfg'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    if (parseCfg(text).raisedError) continue;
    const lines = text.split('\n');
    // Every third line (the examples have ~1.5k lines; each check parses twice).
    for (let l = 0; l < lines.length; l += 3) {
      if (!/^\S/.test(lines[l]) || lines[l].startsWith('#') || lines[l].startsWith(';')) continue;
      const broken = [...lines];
      broken[l] = 'bogus';
      const got = tolerant(broken.join('\n'));
      // Only that line, unless it was the first header: then the lines up to the next one have no section.
      if (got.lines.length > 1) assert.ok(!/^\[/.test(text.split('\n')[got.lines[1]]), `${name}:${l + 1}`);
      assert.equal(got.lines[0], l, `${name}:${l + 1}`);
      assert.deepEqual(got.view, withoutLines(text, got.lines), `${name}:${l + 1}`);
      checked++;
    }
  }
  assert.ok(checked > 100, `checked ${checked}`);
});

test('a tolerant reading started from the previous version equals one made from scratch, after random edits', () => {
  // While a line stays half-typed, each version's tolerant reading re-reads only what changed since the previous
  // version's (tolerantReadings.ts). After every edit of random sequences it must equal a fresh reading: the same
  // lines set aside, the same text, and a document equal to the full parse of that text (every node and row).
  // The strict documents are checked too: the first reading of a broken version may take the document's own
  // blocks, which the document must not notice, and the next version is then read from that reading.
  const rnd = random(20261207);
  const starts = startTexts();
  let reused = 0;
  let fromTolerant = 0;
  for (let n = 0; n < SEQUENCES; n++) {
    const start = starts[n % starts.length];
    let doc = parseCfg(start.text);
    let previous = new Set(tolerantDocument(doc).doc.sections);
    const length = 1 + Math.floor(rnd() * 6);
    for (let k = 0; k < length; k++) {
      const edit = randomEdit(rnd, doc.text);
      const gaveItsBlocks = !hasReaderState(doc);
      const before = new Set(doc.sections);
      doc = applyEdit(doc, edit, Math.floor(rnd() * 3));
      const context = `sequence ${n} (${start.name}), edit ${k}: ${JSON.stringify(edit)}`;
      assertSameAsFull(doc, `${context} (the strict document)`);
      if (gaveItsBlocks && doc.sections.some((s) => before.has(s))) fromTolerant++;
      // Some versions are never asked for (typed faster than the lint's debounce): the next one starts from the
      // reading the skipped one was handed.
      if (rnd() < 0.2 && k < length - 1) continue;
      const ours = tolerantDocument(doc);
      const fresh = tolerantDocument(parseCfg(doc.text));
      assert.deepStrictEqual(ours.setAsideLines, fresh.setAsideLines, context);
      assert.equal(ours.doc.text, fresh.doc.text, context);
      assertSameAsFull(ours.doc, context);
      assertSameAsFull(doc, `${context} (the strict document, after its tolerant reading)`);
      if (ours.doc !== doc && ours.doc.sections.some((s) => previous.has(s))) reused++;
      previous = new Set(ours.doc.sections);
    }
  }
  assert.ok(reused > SEQUENCES / 20, `readings started from the previous one: ${reused}`);
  assert.ok(fromTolerant > SEQUENCES / 50, `strict readings started from a tolerant one: ${fromTolerant}`);
});

test('the first keystroke that breaks a line is read from the version before, and so are the next ones', () => {
  // The previous version loaded, so there is no tolerant reading to start from: the broken version's own blocks
  // are, and the next version is read from its tolerant reading. Only the typed line's block is read each time.
  const text = (typed: string) => `[a]\nx = 1\n\n[b]\ny = 2\n${typed}\n\n[c]\nz = 3\n`;
  const v0 = parseCfg(text(''));
  const [a, , c] = v0.sections;
  /** Whether `doc` holds the very nodes of [a] and [c] (reused, not read again). */
  const reusesAC = (doc: { sections: readonly unknown[] }) => doc.sections[0] === a && doc.sections[2] === c;
  const v1 = reparseCfgText(v0, text('n'));
  const first = tolerantDocument(v1);
  assert.deepEqual(first.setAsideLines, [5]);
  assert.ok(reusesAC(first.doc), 'only [b] was read again');
  assertSameAsFull(v1, 'the broken version, after its tolerant reading took its blocks');
  const v2 = reparseCfgText(v1, text('na'));
  assert.ok(reusesAC(v2), 'the next version is read from the tolerant reading');
  assertSameAsFull(v2, 'the second version');
  const second = tolerantDocument(v2);
  assert.ok(reusesAC(second.doc), "the second version's tolerant reading is read from the second version");
  assertSameAsFull(second.doc, "the second version's tolerant reading");
  const v3 = reparseCfgText(v2, text('name = x'));
  assert.equal(v3.raisedError, null);
  assert.ok(reusesAC(v3), 'the finished line is read from the last reading too');
  assertSameAsFull(v3, 'the finished version');
});

test('a version nobody asked about passes the reading it was handed on to the next', () => {
  // Typed faster than the lint's debounce: the middle version's tolerant reading is never made.
  const text = (typed: string) => `[a]\nx = 1\n\n[b]\ny = 2\n${typed}\n\n[c]\nz = 3\n`;
  const v1 = parseCfg(text('na'));
  const first = tolerantDocument(v1).doc;
  const untouched = first.sections[0];
  const v2 = reparseCfgText(v1, text('nam'));
  const v3 = reparseCfgText(v2, text('name'));
  const third = tolerantDocument(v3);
  assert.deepEqual(third.setAsideLines, [5]);
  assert.equal(third.doc.sections[0], untouched, "[a]'s node is the first reading's: only [b]'s block was read again");
  assertSameAsFull(third.doc, 'the third version');
});
