// The reader's properties as plain checks, shared by the quick suite (readerProperties.test.ts) and the long
// run (longRun.ts). Each throws an AssertionError when the property fails.
import assert from 'node:assert/strict';
import { nodeAt, parseCfg, toDbndView, type CfgDocument } from '../../../../server/src/core/reader';
import { syntaxDiagnostics } from '../../../../server/src/core/diagnostics/syntaxDiagnostics';
import { comparePositions, type Range } from '../../../../server/src/core/text/range';
import { expectedView, serializeConfig, type ConfigModel } from './cfgArbitraries';
import { viewToOracleShape } from './pythonOracle';

/** Lines as an editor sees them (the reader's own splitter is what is under test, so this is independent). */
function editorLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function textOf(lines: readonly string[], r: Range): string {
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l]);
  parts.push(lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}

function assertInside(lines: readonly string[], r: Range, what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside the document`);
    assert.ok(
      p.character >= 0 && p.character <= lines[p.line].length,
      `${what}: character ${p.character} outside line ${p.line}`,
    );
  }
  assert.ok(comparePositions(r.start, r.end) <= 0, `${what}: range ends before it starts`);
}

function assertBefore(a: Range, b: Range, what: string): void {
  assert.ok(comparePositions(a.end, b.start) <= 0, `${what}: ranges out of order`);
}

/** parseCfg, toDbndView, syntaxDiagnostics and nodeAt at every line never throw. */
export function checkNeverThrows(text: string): CfgDocument {
  const doc = parseCfg(text);
  toDbndView(doc, '<prop>');
  syntaxDiagnostics(doc, '<prop>');
  const lines = editorLines(text);
  for (let l = 0; l <= lines.length; l++) for (const c of [0, 1, 3, 1000]) nodeAt(doc, { line: l, character: c });
  return doc;
}

/** Every range lies inside the document, nodes come in document order, and each range's text is its node's. */
export function checkRanges(doc: CfgDocument): void {
  const lines = editorLines(doc.text);
  let previous: Range | null = null;
  for (const s of doc.sections) {
    assertInside(lines, s.range, 'section');
    assert.equal(textOf(lines, s.nameRange), s.name, 'section name range');
    assert.equal(textOf(lines, s.headerRange), `[${s.name}]`, 'header range');
    if (s.trailing) assert.equal(textOf(lines, s.trailing.range), s.trailing.text, 'trailing range');
    if (previous) assertBefore(previous, s.range, 'sections');
    previous = s.range;
    let previousEntry: Range = s.headerRange;
    for (const e of s.entries) {
      assertBefore(previousEntry, e.range, 'entries');
      previousEntry = e.range;
      assert.ok(comparePositions(s.range.end, e.range.end) >= 0, 'entry inside its section');
    }
  }
  for (const e of [...doc.preamble, ...doc.sections.flatMap((s) => s.entries)]) {
    assertInside(lines, e.range, 'entry');
    assert.equal(textOf(lines, e.keyRange), e.rawKey, 'key range');
    assert.equal(textOf(lines, e.delimiterRange), e.delimiter, 'delimiter range');
    assertBefore(e.keyRange, e.delimiterRange, 'key before delimiter');
    assertBefore(e.delimiterRange, e.valueRange, 'delimiter before value');
    assert.deepEqual(e.valueRange.end, e.lines[e.lines.length - 1].range.end, 'value range ends with the last line');
    let previousLine: Range | null = null;
    for (const l of e.lines) {
      assert.equal(textOf(lines, l.range), l.text, 'value line range');
      assert.equal(e.rawValue.slice(l.offset, l.offset + l.text.length), l.text, 'value line offset');
      if (previousLine) assert.ok(l.range.start.line > previousLine.start.line, 'value lines on later lines');
      previousLine = l.range;
    }
  }
  let previousComment: Range | null = null;
  for (const c of doc.comments) {
    assert.equal(textOf(lines, c.range), c.text, 'comment range');
    if (previousComment) assertBefore(previousComment, c.range, 'comments');
    previousComment = c.range;
  }
  for (const i of doc.invalidLines) assert.equal(textOf(lines, i.range), i.text, 'invalid line range');
  for (const err of doc.errors) {
    assertInside(lines, err.range, err.code);
    if (err.line !== null) assert.equal(err.range.start.line, err.line - 1, 'python line matches the range');
  }
  assert.ok(doc.raisedError === null || doc.errors.includes(doc.raisedError), 'raised error is one of the errors');
  assert.equal(doc.raisedError === null, doc.errors.length === 0, 'an error is raised exactly when there are errors');
}

/** A config written from a model reads back as the model says dbnd would read it. */
export function checkRoundTrip(model: ConfigModel): void {
  const doc = parseCfg(serializeConfig(model));
  assert.deepEqual(doc.errors, []);
  assert.deepEqual(viewToOracleShape(toDbndView(doc, '<model>')), { sections: expectedView(model) });
}
