// Syntax diagnostics: one per configparser error at its exact range, plus the swallowed indented section.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCfg } from '../../../server/src/core/reader';
import { syntaxDiagnostics } from '../../../server/src/core/diagnostics/syntaxDiagnostics';
import type { SwallowedSectionData } from '../../../server/src/core/diagnostics/types';
import type { Range } from '../../../server/src/core/text/range';
import { textOf } from '../../support/cursor';
import { CONFORMANCE_CASES_DIR, EXAMPLES_DIR } from '../../support/paths';

const EXAMPLES = EXAMPLES_DIR;

function codesAndText(text: string): [string, string][] {
  return syntaxDiagnostics(parseCfg(text), 'x.cfg').map((d) => [d.code, textOf(text, d.range)]);
}

test('each configparser error gets its code at the exact range', () => {
  const cases: [string, [string, string][]][] = [
    ['k = v\n[s]\n', [['missing-section-header', 'k = v']]],
    ['[a]\n[a]\n', [['duplicate-section', 'a']]],
    ['[a]\nk = 1\nK = 2\n', [['duplicate-key', 'K']]],
    ['[a]\njust words\n', [['invalid-line', 'just words']]],
    ['[a]\n = v\n', [['empty-key', '=']]],
    ['[a]\nsecrets = [\n  {"a": 1}\n]\n', [['closing-bracket-not-indented', ']']]],
    ['[a]\nurl = p%40ss\n', [['interpolation-syntax', '%4']]],
    ['[a]\nk = %(nope)s\n', [['interpolation-missing-option', '%(nope)s']]],
    ['[a]\nk = %(k)s\n', [['interpolation-depth', '%(k)s']]],
  ];
  for (const [text, expected] of cases) assert.deepEqual(codesAndText(text), expected, JSON.stringify(text));
});

test('a `]` that closes nothing is an invalid line, not a closing-bracket one', () => {
  assert.deepEqual(codesAndText('[a]\nk = [1]\n]\n'), [['invalid-line', ']']]);
});

test('diagnostics say dbnd refuses the file, point to the first occurrence and mark the raised error', () => {
  const doc = parseCfg('[a]\nk = 1\nk = 2\n[a]\n');
  const [dupKey, dupSection] = syntaxDiagnostics(doc, '/p/x.cfg');
  assert.match(dupKey.message, /already set in \[a\] on line 2.*refuses to load the whole file/);
  assert.deepEqual(dupKey.related?.[0].range.start, { line: 1, character: 0 });
  assert.equal(dupKey.related?.[0].path, '/p/x.cfg');
  assert.deepEqual(dupKey.data, { pythonType: 'DuplicateOptionError', raisedByDbnd: true });
  assert.deepEqual(dupSection.data, { pythonType: 'DuplicateSectionError', raisedByDbnd: false });
  assert.ok(dupKey.severity === 'error' && dupSection.severity === 'error');
});

test('a lone % explains %% with the URL-encoded password case and gives the character to escape', () => {
  const text = '[a]\nconn = postgres://u:p%40ss@db\n';
  const [d] = syntaxDiagnostics(parseCfg(text), 'x.cfg');
  assert.match(d.message, /'%%'/);
  assert.match(d.message, /p%%40ss/);
  const fix = (d.data as { escapePercent: Range }).escapePercent;
  assert.equal(textOf(text, fix), '%');
});

test('a closing bracket at the key indentation suggests the indentation of the value lines', () => {
  const text = '[a]\n  secrets = [\n      {"a": 1}\n  ]\n';
  const [d] = syntaxDiagnostics(parseCfg(text), 'x.cfg');
  assert.equal(d.code, 'closing-bracket-not-indented');
  assert.match(d.message, /deeper than the key 'secrets' \(line 2\)/);
  assert.equal((d.data as { indentTo: number }).indentTo, 6);
  const fixed = text.replace('\n  ]', '\n      ]');
  assert.deepEqual(syntaxDiagnostics(parseCfg(fixed), 'x.cfg'), []);
});

test('the pasted doc snippet (example 16) reports both swallowed sections with a dedent fix', () => {
  const name = readdirSync(EXAMPLES).find((n) => n.startsWith('16_')) as string;
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  const diagnostics = syntaxDiagnostics(parseCfg(text), name);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, textOf(text, d.range)]),
    [
      ['indented-section-swallowed', '[kubernetes_cluster_env]'],
      ['indented-section-swallowed', '[your_kubernetes_engine]'],
    ],
  );
  const first = diagnostics[0].data as SwallowedSectionData;
  assert.equal(first.section, 'kubernetes_cluster_env');
  assert.deepEqual(first.swallowedBy, { section: 'run', key: 'environments', line: 8 });
  assert.match(
    diagnostics[0].message,
    /value of 'environments' in \[run\].*silently drops section \[kubernetes_cluster_env\]/,
  );
  // Applying every dedent gives the file of example 16b's shape: the sections come back.
  const lines = text.split('\n');
  for (const d of diagnostics) {
    for (const { line, characters } of (d.data as SwallowedSectionData).dedent)
      lines[line] = lines[line].slice(characters);
  }
  const fixed = parseCfg(lines.join('\n'));
  assert.deepEqual(
    fixed.sections.map((s) => s.name),
    ['run', 'kubernetes_cluster_env', 'your_kubernetes_engine'],
  );
  assert.deepEqual(syntaxDiagnostics(fixed, name), []);
});

test('a header-like line inside an open list is not taken for a swallowed section', () => {
  assert.deepEqual(codesAndText('[a]\nk = [\n   [x]\n   ]\n'), []);
});

test('every example file loads without the error Python would raise, and has no syntax diagnostic but 16', () => {
  for (const name of readdirSync(EXAMPLES).filter((n) => n.endsWith('.cfg'))) {
    const doc = parseCfg(readFileSync(join(EXAMPLES, name), 'utf8'));
    assert.equal(doc.raisedError, null, name);
    assert.deepEqual(doc.errors, [], name);
    const codes = syntaxDiagnostics(doc, name).map((d) => d.code);
    assert.deepEqual(
      codes,
      name.startsWith('16_') ? ['indented-section-swallowed', 'indented-section-swallowed'] : [],
      name,
    );
  }
});

test('conformance error cases produce the code of the error dbnd raised', () => {
  const cases = CONFORMANCE_CASES_DIR;
  const expectedCode: Record<string, string> = {
    '29-err-duplicate-section': 'duplicate-section',
    '30-err-unescaped-percent': 'interpolation-syntax',
    '31-err-closing-bracket-col0': 'closing-bracket-not-indented',
    '44-err-duplicate-key': 'duplicate-key',
  };
  for (const [caseName, code] of Object.entries(expectedCode)) {
    const text = readFileSync(join(cases, caseName, 'files', 'databand-system.cfg'), 'utf8');
    const raised = syntaxDiagnostics(parseCfg(text), 'x').filter(
      (d) => (d.data as { raisedByDbnd?: boolean }).raisedByDbnd,
    );
    assert.deepEqual(
      raised.map((d) => d.code),
      [code],
      caseName,
    );
  }
});
