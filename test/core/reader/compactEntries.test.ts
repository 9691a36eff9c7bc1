// The compact entry (core/reader/nodes.ts: a single-line entry keeps no line object and materialises its value
// line when asked) against the text itself: on the sample workspace, dbnd's example files, the benchmark's
// generated project and edge cases, every entry's value lines, ranges and raw value are derived again from the
// document's text, independently of the reader, the way configparser reads them (the first line's text after the
// delimiter, each continuation line stripped, comment lines dropped, blank lines kept, joined with `\n`, rstripped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CFG_LINE_KINDS, parseCfg, type CfgDocument, type CfgEntry } from '../../../server/src/core/reader';
import { pyRstrip, pyStrip } from '../../../server/src/core/python';
import { generateLargeConfig } from '../../support/generateLargeConfig';
import { startTexts } from './incrementalEdits';

function lineText(doc: CfgDocument, line: number): string {
  const start = doc.lineStarts[line];
  const next = line + 1 < doc.lineCount ? doc.lineStarts[line + 1] : doc.text.length;
  return doc.text.slice(start, next).replace(/(\r\n|\r|\n)$/, '');
}

/** configparser's raw value of `entry`, read from the text between its value's first and last line. */
function rawValueFromText(doc: CfgDocument, entry: CfgEntry): string {
  const { start, end } = entry.valueRange;
  const parts = [pyStrip(lineText(doc, start.line).slice(start.character))];
  for (let line = start.line + 1; line <= end.line; line++) {
    const stripped = pyStrip(lineText(doc, line));
    // A bogus line (no delimiter, not indented deeper) between value lines is an error, not part of the value.
    if (CFG_LINE_KINDS[doc.lineTable.kinds[line]] === 'invalid') continue;
    if (stripped.startsWith('#') || stripped.startsWith(';')) continue;
    parts.push(stripped);
  }
  return pyRstrip(parts.join('\n'));
}

function assertEntry(doc: CfgDocument, entry: CfgEntry, where: string): void {
  const lines = entry.lines;
  assert.ok(lines.length >= 1, where);
  assert.deepEqual(lines[0].range.start, entry.valueRange.start, `${where}: the first line starts the value`);
  assert.equal(lines[0].offset, 0, where);
  assert.equal(lines[0].indent, entry.keyRange.start.character, `${where}: the first line's indent is the key's`);
  assert.equal(entry.keyRange.start.line, entry.valueRange.start.line, where);
  const last = lines[lines.length - 1];
  assert.deepEqual(entry.valueRange.end, last.range.end, `${where}: the value ends with its last line`);
  assert.deepEqual(entry.range, { start: entry.keyRange.start, end: last.range.end }, where);
  for (const [k, l] of lines.entries()) {
    const { start, end } = l.range;
    assert.equal(start.line, end.line, where);
    assert.equal(lineText(doc, start.line).slice(start.character, end.character), l.text, `${where} line ${k}: text`);
    assert.equal(entry.rawValue.slice(l.offset, l.offset + l.text.length), l.text, `${where} line ${k}: offset`);
    if (k > 0) {
      const indent = lineText(doc, start.line).length - lineText(doc, start.line).trimStart().length;
      assert.equal(l.indent, indent, `${where} line ${k}: indent`);
      assert.equal(doc.lineTable.valueLineIndexes[start.line], k, `${where} line ${k}: line table`);
    }
    assert.equal(doc.lineTable.entries[start.line], entry, `${where} line ${k}: line table entry`);
  }
  assert.equal(entry.rawValue, rawValueFromText(doc, entry), `${where}: raw value`);
  // Materialised again on each call, equal each time.
  assert.deepEqual(
    entry.lines.map((l) => ({ text: l.text, offset: l.offset, indent: l.indent, range: l.range })),
    lines.map((l) => ({ text: l.text, offset: l.offset, indent: l.indent, range: l.range })),
    where,
  );
}

const EDGE_CASES = [
  'key = value',
  '[s]\nk = v\n  more\n\n  after blank\n  # comment inside\n  last\n\n[t]\nx:y',
  '[s]\nk =\n  json = {\n    "a": 1\n  }\n',
  '[s]\n  indented = 1\nempty =\r\nbroken line\n  continued\n',
  '\uFEFF[s]\nk = v   \n',
];

test('every entry of the sample, example, generated and edge-case files reads as its text says', () => {
  const texts = [
    ...startTexts(),
    { name: 'generated', text: generateLargeConfig(3000) },
    ...EDGE_CASES.map((text, i) => ({ name: `edge case ${i}`, text })),
  ];
  let entries = 0;
  let multiLine = 0;
  for (const { name, text } of texts) {
    const doc = parseCfg(text);
    const all = [...doc.preamble, ...doc.sections.flatMap((s) => s.entries)];
    for (const entry of all) {
      assertEntry(doc, entry, `${name}: ${entry.rawKey} at line ${entry.keyRange.start.line}`);
      if (entry.lines.length > 1) multiLine++;
    }
    entries += all.length;
  }
  assert.ok(entries > 1000 && multiLine > 100, `${entries} entries, ${multiLine} with continuation lines`);
});
