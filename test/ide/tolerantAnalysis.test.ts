// The editor's features on a file dbnd cannot load (a line half-typed): they read the tolerant model, so each
// answer is the one of the file without the broken line, while the diagnostics still carry dbnd's load error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completions } from '../../server/src/ide/completion';
import { hover } from '../../server/src/ide/hover';
import { fileDiagnostics } from '../../server/src/ide/diagnostics';
import { sectionClass } from '../../server/src/ide/projectQueries';
import { analysisFixture } from './analysisFixture';

function labels(spec: string): string[] {
  const f = analysisFixture(spec);
  return completions(f.analysis, f.uri, f.position).map((c) => c.label);
}

function hoverText(spec: string): string {
  const f = analysisFixture(spec);
  const result = hover(f.analysis, f.uri, f.position);
  assert.ok(result, 'a hover');
  return result.markdown;
}

function diagnostics(spec: string): string[] {
  const f = analysisFixture(spec);
  const path = f.uri.replace('file://', '');
  return fileDiagnostics(f.analysis, path).map((d) => `${d.range.start.line + 1} ${d.severity} ${d.code}`);
}

const ENGINE = '[your_kubernetes_engine]\n_type = kubernetes\ncontainer_repository = x\n';

test('a partial key in a _type section: completion offers the keys of its class', () => {
  const got = labels(`//- /p/project.cfg\n${ENGINE}namesp$0\n`);
  assert.ok(got.includes('namespace'), got.join(' '));
  assert.ok(!got.includes('container_repository'), 'already set');
});

test('a partial key in a section that is an engine through _from into another file', () => {
  const got = labels(`
//- /p/.dbnd/databand-system.cfg
[your_kubernetes_engine]
_type = kubernetes
//- /p/project.cfg
[mine]
_from = your_kubernetes_engine
keep_failed_pods = True
namesp$0
`);
  assert.ok(got.includes('namespace') && got.includes('image_pull_policy'), got.join(' '));
});

test('a half-typed line elsewhere in the file does not change completion in another section', () => {
  const got = labels(`//- /p/project.cfg\n${ENGINE}$0\n[other]\n[half\n`);
  assert.ok(got.includes('namespace'), got.join(' '));
});

test('a hover two lines above a partial key is the hover without the broken line', () => {
  const broken = hoverText(
    `//- /p/project.cfg\n[your_kubernetes_engine]\n_type = kubernetes\ncontainer_rep$0ository = x\nnamesp\n`,
  );
  const clean = hoverText(
    `//- /p/project.cfg\n[your_kubernetes_engine]\n_type = kubernetes\ncontainer_rep$0ository = x\n\n`,
  );
  assert.equal(broken, clean);
  assert.match(broken, /\*\*container_repository\*\*/);
  assert.match(broken, /Effective for \[your_kubernetes_engine\]:\*\* `x` from \/p\/project\.cfg:3/);
  assert.doesNotMatch(broken, /not modelled/);
});

test("the broken file's own lines still take part in the layering with the other files", () => {
  const text = hoverText(`
//- /p/.dbnd/databand-system.cfg
[your_kubernetes_engine]
_type = kubernetes
namespace = from-system
//- /p/project.cfg
[your_kubernetes_engine]
namespace$0 = mine
namesp
`);
  assert.match(text, /Effective for \[your_kubernetes_engine\]:\*\* `mine` from \/p\/project\.cfg:2/);
  assert.doesNotMatch(text, /overridden/);
});

test('diagnostics: the load error at its line, and the findings of the other lines stay', () => {
  const clean = diagnostics(`//- /p/project.cfg\n${ENGINE}no_such_key = 1\nrequest_cpu = lots\n$0`);
  const broken = diagnostics(`//- /p/project.cfg\n${ENGINE}no_such_key = 1\nrequest_cpu = lots\nnamesp$0`);
  assert.ok(clean.length >= 1, clean.join('; '));
  assert.deepEqual(
    broken.filter((d) => !d.startsWith('6 ')),
    clean,
  );
  assert.deepEqual(
    broken.filter((d) => d.startsWith('6 ')),
    ['6 error invalid-line'],
  );
});

test('class resolution through _type and _from holds while a header is half-typed', () => {
  const f = analysisFixture(`//- /p/project.cfg\n[mine]\n_from = base\n[base]\n_type = kubernetes\n[kube$0\n`);
  const cls = sectionClass(f.analysis, 'mine');
  assert.ok(cls?.ok, 'resolved');
  assert.equal(cls.value.className, 'KubernetesEngineConfig');
  assert.equal(f.analysis.strictLoad().ok, false, 'dbnd itself still fails to load the file');
});

test('a duplicate key while retyping it: the first one wins; the duplicate says it is set aside', () => {
  const above = hoverText(`//- /p/project.cfg\n${ENGINE}names$0pace = first\nnamespace = sec\n`);
  assert.match(above, /`first` from \/p\/project\.cfg:4/);
  assert.doesNotMatch(above, /overridden|set aside/);
  const duplicate = hoverText(`//- /p/project.cfg\n${ENGINE}namespace = first\nnames$0pace = sec\n`);
  assert.match(duplicate, /`first` from \/p\/project\.cfg:4/);
  assert.match(duplicate, /This line is set aside/);
  assert.doesNotMatch(duplicate, /overridden/);
});

test('a duplicate section: the first block wins and the other sections keep their classes', () => {
  const text = hoverText(
    `//- /p/project.cfg\n${ENGINE}namespace = first\n[your_kubernetes_engine]\nnamespace = second\n[k2]\n_from = your_kubernetes_engine\nname$0space = k2\n`,
  );
  assert.match(text, /\*\*namespace\*\*: `str/);
  assert.match(text, /`k2` from \/p\/project\.cfg:9/);
});

// VS Code drops a UTF-8 byte order mark when it opens a file, so the editor's own document never has one; a
// file the server reads from disk may, and it must still feed the project.
test('a byte order mark: dbnd refuses the file, the project still reads its sections', () => {
  const got = labels(`
//- /p/.dbnd/databand-system.cfg
\uFEFF[your_kubernetes_engine]
_type = kubernetes
//- /p/project.cfg
[mine]
_from = your_kubernetes_engine
$0
`);
  assert.ok(got.includes('namespace'), got.join(' '));
  const d = diagnostics(`//- /p/project.cfg\n\uFEFF${ENGINE}no_such_key = 1$0\n`);
  assert.ok(d.includes('1 error missing-section-header'), d.join('; '));
  assert.ok(d.includes('4 warning unknown-key'), `the unknown key on line 4 is still reported: ${d.join('; ')}`);
});

test('CRLF endings: a partial key offers the keys, hovers keep their origin lines', () => {
  const crlf = ENGINE.replace(/\n/g, '\r\n');
  assert.ok(labels(`//- /p/project.cfg\n${crlf}namesp$0\r\n`).includes('namespace'));
  const text = hoverText(
    `//- /p/project.cfg\n[your_kubernetes_engine]\r\n_type = kubernetes\r\ncontainer_rep$0ository = x\r\nnamesp\r\n`,
  );
  assert.match(text, /`x` from \/p\/project\.cfg:3/);
});

test('a value whose interpolation fails is set aside, and the keys reading it too', () => {
  const text = hoverText(`//- /p/project.cfg\n${ENGINE}namespace = %(nam\nlabels$0 = {"ns": "%(namespace)s"}\n`);
  assert.match(text, /This line is set aside/);
  assert.match(text, /code default/);
});

// The other mid-edit states (each appended to the engine section; the hover is on container_repository, two
// lines up): the answer is the one of the finished file.
const CONTAINER_REPOSITORY_HOVER = `//- /p/project.cfg\n[your_kubernetes_engine]\n_type = kubernetes\ncontainer_rep$0ository = x\n`;
for (const [state, typed] of [
  ['`key =` with no value', 'namespace ='],
  ['`key = ` inside an unclosed dict', 'labels = {"team": '],
  ['an unclosed [section header', '[my_eng'],
  ['a stray indented line after a header', '[extra]\n  stray'],
  ['a value continuation being typed', 'labels = {\n    "team": "da'],
  ['a duplicate key being retyped', 'container_repository = y'],
] as const) {
  test(`${state}: the hover on another line is the finished file's`, () => {
    assert.equal(hoverText(CONTAINER_REPOSITORY_HOVER + typed + '\n'), hoverText(CONTAINER_REPOSITORY_HOVER));
  });
}

test('`key = ` inside an unclosed dict: keys are still offered on the next line', () => {
  const got = labels(`//- /p/project.cfg\n${ENGINE}labels = {"team": \n$0\n`);
  assert.ok(got.includes('namespace'), got.join(' '));
});
