// `nodeAt` on cfg snippets with a `$0` cursor, and the exact ranges behind it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeAt, parseCfg, type CfgNode } from '../../../server/src/core/reader';
import { textOf, withCursor } from '../../support/cursor';

/** A compact description of a node, so each fixture's expectation reads as one line. */
function describe(node: CfgNode): string {
  switch (node.kind) {
    case 'section-name':
    case 'section-header':
    case 'header-trailing':
      return `${node.kind} ${node.section.name}`;
    case 'key':
    case 'delimiter':
    case 'value':
      return `${node.kind} ${node.section?.name ?? '-'}.${node.entry.key}`;
    case 'continuation':
      return `continuation ${node.section?.name ?? '-'}.${node.entry.key}#${node.lineIndex}`;
    case 'comment':
      return `comment ${node.comment.text}${node.entry ? ` in ${node.entry.key}` : ''}`;
    case 'invalid-line':
      return `invalid-line ${node.invalid.text}`;
    case 'blank':
      return `blank ${node.section?.name ?? '-'}${node.entry ? ` in ${node.entry.key}` : ''}`;
  }
}

const FIXTURES: readonly [string, string][] = [
  ['[kuber$0netes]\nnamespace = x\n', 'section-name kubernetes'],
  ['[kubernetes$0]\n', 'section-name kubernetes'],
  ['$0[kubernetes]\n', 'section-header kubernetes'],
  ['[kubernetes] # n$0ote\n', 'header-trailing kubernetes'],
  ['[k]\nname$0space = x\n', 'key k.namespace'],
  ['[k]\n  $0namespace = x\n', 'key k.namespace'],
  ['[k]\nnamespace $0= x\n', 'delimiter k.namespace'],
  ['[k]\nnamespace = $0x\n', 'value k.namespace'],
  ['[k]\nnamespace =$0\n', 'value k.namespace'],
  ['[k]\nsecrets = [\n   {"a": 1},$0\n   ]\n', 'continuation k.secrets#1'],
  ['[k]\nsecrets = [\n   {"a": 1},\n$0\n   ]\n', 'blank k in secrets'],
  ['[k]\nsecrets = [\n   # inside$0\n   ]\n', 'comment # inside in secrets'],
  ['[k]\na = 1\n$0\n[m]\n', 'blank k'],
  ['# top$0\n[k]\n', 'comment # top'],
  ['$0\n[k]\n', 'blank -'],
  ['[k]\na = 1\nnot an option$0\n', 'invalid-line not an option'],
  ['[k]\na = 1\n$0', 'blank k'],
  ['[k]\r\na = 1\r\n  b$0\r\n', 'continuation k.a#1'],
  ['[s]\na = 1\n  ]$0\n', 'continuation s.a#1'],
  ['[s]\n  a = 1\n  ]\n    x$0\n', 'continuation s.a#1'],
  ['[s]\n  a = 1\n  ]$0\n', 'invalid-line ]'],
];

for (const [marked, expected] of FIXTURES) {
  test(`nodeAt ${JSON.stringify(marked)} → ${expected}`, () => {
    const { text, position } = withCursor(marked);
    assert.equal(describe(nodeAt(parseCfg(text), position)), expected);
  });
}

test('ranges cover exactly their text: header, name, trailing, key, delimiter, value lines', () => {
  const text = '; c\n  [Kube] # note\nNameSpace  :  ns one  \nsecrets = [\n\n    {"a": 1},\n  # dropped\n    ]\n';
  const doc = parseCfg(text);
  const section = doc.sections[0];
  assert.equal(textOf(text, section.headerRange), '[Kube]');
  assert.equal(textOf(text, section.nameRange), 'Kube');
  assert.equal(section.trailing && textOf(text, section.trailing.range), '# note');
  const [ns, secrets] = section.entries;
  assert.equal(textOf(text, ns.keyRange), 'NameSpace');
  assert.equal(ns.key, 'namespace');
  assert.equal(textOf(text, ns.delimiterRange), ':');
  assert.equal(textOf(text, ns.valueRange), 'ns one');
  assert.equal(secrets.rawValue, '[\n\n{"a": 1},\n]');
  assert.deepEqual(
    secrets.lines.map((l) => [l.text, textOf(text, l.range), l.offset]),
    [
      ['[', '[', 0],
      ['{"a": 1},', '{"a": 1},', 3],
      [']', ']', 13],
    ],
  );
  assert.deepEqual(secrets.valueRange, { start: { line: 3, character: 10 }, end: { line: 7, character: 5 } });
  assert.deepEqual(section.range, { start: { line: 1, character: 2 }, end: { line: 7, character: 5 } });
  assert.deepEqual(
    doc.comments.map((c) => [c.text, textOf(text, c.range)]),
    [
      ['; c', '; c'],
      ['# dropped', '# dropped'],
    ],
  );
});

test('an empty value has an empty range right after the delimiter', () => {
  const text = '[s]\ncontainer_tag =   \n';
  const entry = parseCfg(text).sections[0].entries[0];
  assert.equal(entry.rawValue, '');
  assert.deepEqual(entry.valueRange, { start: { line: 1, character: 15 }, end: { line: 1, character: 15 } });
});

test('[DEFAULT] is kept as a section flagged default; [default] is an ordinary section', () => {
  const doc = parseCfg('[DEFAULT]\nx = 1\n[default]\ny = 2\n');
  assert.deepEqual(
    doc.sections.map((s) => [s.name, s.isDefault]),
    [
      ['DEFAULT', true],
      ['default', false],
    ],
  );
});

test('errors carry python line numbers and exact ranges', () => {
  const text = '[s]\na = 1\n= x\n[s]\nA = 2\nno delimiter\n';
  const doc = parseCfg(text);
  assert.deepEqual(
    doc.errors.map((e) => [e.code, e.line, textOf(text, e.range)]),
    [
      ['empty-key', 3, '='],
      ['duplicate-section', 4, 's'],
      ['invalid-line', 6, 'no delimiter'],
    ],
  );
  assert.equal(doc.raisedError?.code, 'duplicate-section');
});

test('interpolation errors point at the offending text, in the entry that holds it', () => {
  const text = '[DEFAULT]\nurl = postgres://u:p%40ss@db\n[s]\nk = %(url)s\nm = %(nope)s and more\n';
  const doc = parseCfg(text);
  assert.deepEqual(
    doc.errors.map((e) => [e.code, e.line, textOf(text, e.range), 'option' in e ? e.option : '']),
    [
      // Read through `k` first; `url` itself fails at the same text and is not repeated.
      ['interpolation-syntax', null, '%4', 'k'],
      ['interpolation-missing-option', null, '%(nope)s', 'm'],
    ],
  );
  // Python raises the first one in sections() × options() order: [s] k comes first, through %(url)s.
  assert.equal(doc.raisedError?.code, 'interpolation-syntax');
});
