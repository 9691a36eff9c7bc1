// An open document whose text starts with a UTF-8 byte order mark. VS Code drops the mark when it opens a file,
// other LSP clients (Neovim, Helix) may send it as the first character. dbnd refuses such a file (its first
// header is not a header to configparser; the diagnostics say so), but the editor's features read the
// document as the user sees it: the mark is a space (Analysis.document), so the sections are there and the
// columns of line 1 are the ones the client counts (the mark is one UTF-16 unit).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completions } from '../../server/src/ide/completion';
import { definition } from '../../server/src/ide/definition';
import { hover } from '../../server/src/ide/hover';
import { references } from '../../server/src/ide/references';
import { prepareRename } from '../../server/src/ide/rename';
import { codeLenses } from '../../server/src/ide/codeLenses';
import { analysisFixture, describeRanges } from '../support/fixture';

const BOM = '\uFEFF';
const ENGINE = '[your_kubernetes_engine]\n_type = kubernetes\ncontainer_repository = x\n';

test('completion at a partial key of a BOM document: the keys of the class, replacing the typed prefix', () => {
  const f = analysisFixture(`//- /proj/project.cfg\n${BOM}${ENGINE}namesp$0\n`);
  const got = completions(f.analysis, f.uri, f.position);
  const namespace = got.find((c) => c.label === 'namespace');
  assert.ok(namespace, got.map((c) => c.label).join(' '));
  assert.ok(!got.some((c) => c.label === 'container_repository'), 'already set');
  assert.deepEqual(namespace.replace, { start: { line: 3, character: 0 }, end: { line: 3, character: 6 } });
});

test('completion of the header on the line the BOM starts: the prefix is the name, not the mark', () => {
  const f = analysisFixture(`//- /proj/project.cfg\n${BOM}[kuber$0\n`);
  const got = completions(f.analysis, f.uri, f.position);
  const kubernetes = got.find((c) => c.label === 'kubernetes');
  assert.ok(kubernetes, got.map((c) => c.label).join(' '));
  // `[` is at column 1 (after the mark), so the name starts at column 2.
  assert.deepEqual(kubernetes.replace, { start: { line: 0, character: 2 }, end: { line: 0, character: 7 } });
});

test('completion of a value on the first section of a BOM document', () => {
  const f = analysisFixture(`//- /proj/project.cfg\n${BOM}${ENGINE}image_pull_policy = $0\n`);
  const got = completions(f.analysis, f.uri, f.position).map((c) => c.label);
  assert.ok(got.includes('IfNotPresent'), got.join(' '));
});

test('definition of a _from target in a BOM document, and from the header on its first line', () => {
  const spec = `//- /proj/project.cfg\n${BOM}[base]\n_type = kubernetes\n[mine]\n_from = ba$0se\n`;
  const f = analysisFixture(spec);
  assert.deepEqual(describeRanges(f, definition(f.analysis, f.uri, f.position)), ['project.cfg:1: base']);
  const onHeader = analysisFixture(`//- /proj/project.cfg\n${BOM}[ba$0se]\n_type = kubernetes\n[mine]\n_from = base\n`);
  assert.deepEqual(describeRanges(onHeader, definition(onHeader.analysis, onHeader.uri, onHeader.position)), [
    'project.cfg:1: base',
  ]);
  assert.deepEqual(describeRanges(onHeader, references(onHeader.analysis, onHeader.uri, onHeader.position, false)), [
    'project.cfg:4: base',
  ]);
  const rename = prepareRename(onHeader.analysis, onHeader.uri, onHeader.position);
  assert.deepEqual(rename, {
    ok: true,
    placeholder: 'base',
    range: { start: { line: 0, character: 2 }, end: { line: 0, character: 6 } },
  });
});

test('hover on a key of a BOM document: its docs and effective value with the origin line', () => {
  const f = analysisFixture(
    `//- /proj/project.cfg\n${BOM}${ENGINE.replace('container_repository', 'container_rep$0ository')}`,
  );
  const text = hover(f.analysis, f.uri, f.position)?.markdown ?? '';
  assert.match(text, /\*\*container_repository\*\*/);
  assert.match(text, /Effective for \[your_kubernetes_engine\]:\*\* `x` from \/proj\/project\.cfg:3/);
  assert.doesNotMatch(text, /not modelled/);
});

test('the CodeLenses of a BOM document are on its headers', () => {
  const f = analysisFixture(`//- /proj/project.cfg\n${BOM}${ENGINE}$0`);
  assert.deepEqual(
    codeLenses(f.analysis, f.uri).map((l) => `${l.range.start.line}:${l.range.start.character} ${l.title}`),
    ['0:1 Show Pod spec', '0:1 Show effective config'],
  );
});
