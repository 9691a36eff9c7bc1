// Mid-edit states over stdio, on the sample workspace (test/workspace: project.cfg over
// .dbnd/databand-system.cfg, whose [your_kubernetes_engine] is `_type = kubernetes`): while a line is half-typed
// at the end of project.cfg, the hover on its other lines, their definition, the CodeLenses and the other lines'
// diagnostics are those of the finished file, completion offers the keys of the section's class, and the
// half-typed line itself is flagged when dbnd would refuse the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CodeLensRequest,
  CompletionRequest,
  DefinitionRequest,
  HoverRequest,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { withTimeout } from './waitFor';
import { fixtureEnv, writeFixture } from './projectFixture';
import { repoPath } from '../support/paths';

/** The sample's project.cfg with one finding of its own (an unknown key), which must stay while a line is typed. */
const PROJECT = readFileSync(repoPath('test/workspace/project.cfg'), 'utf8') + 'no_such_key = 1\n';
const SYSTEM = readFileSync(repoPath('test/workspace/.dbnd/databand-system.cfg'), 'utf8');
/** Lines of the finished project.cfg: the edits below append after them, so these keep their numbers. */
const LINES = PROJECT.split('\n').length - 1;
const KEEP_FAILED_PODS = { line: PROJECT.split('\n').findIndex((l) => l.startsWith('keep_failed_pods')), character: 3 };
const ENV_VALUE = { line: PROJECT.split('\n').findIndex((l) => l.startsWith('env =')), character: 10 };

interface MidEdit {
  readonly name: string;
  /** Appended to project.cfg (whose last section is [your_kubernetes_engine]); the cursor is at its end. */
  readonly typed: string;
  /** The whole text instead, when the edit is not an append (BOM, CRLF). */
  readonly text?: string;
  /** A key completion at the end of the typed text offers these. */
  readonly offers?: readonly string[];
  /** dbnd refuses the file: a diagnostic with this code on the typed text's last line. */
  readonly flagged?: string;
}

const STATES: readonly MidEdit[] = [
  { name: 'a partial key', typed: 'namesp', offers: ['namespace', 'image_pull_policy'], flagged: 'invalid-line' },
  { name: '`key =` with no value', typed: 'namespace =' },
  { name: 'a dict value not closed yet', typed: 'labels = {"team": ' },
  { name: 'an unclosed [section header', typed: '[my_eng', flagged: 'invalid-line' },
  { name: 'a stray indented line after a header', typed: '[extra]\n  stray', flagged: 'invalid-line' },
  { name: 'a value continuation being typed', typed: 'labels = {\n    "team": "da' },
  { name: 'a duplicate key while retyping it', typed: 'keep_failed_pods = Fal', flagged: 'duplicate-key' },
  {
    name: 'a partial key in a section that is a Kubernetes engine through _from into databand-system.cfg',
    typed: '[my_engine]\n_from = your_kubernetes_engine\nnamesp',
    offers: ['namespace', 'container_repository'],
    flagged: 'invalid-line',
  },
  {
    name: 'CRLF endings and a partial key',
    typed: 'namesp',
    text: (PROJECT + 'namesp').replace(/\n/g, '\r\n'),
    offers: ['namespace'],
    flagged: 'invalid-line',
  },
];

const lineOf = (d: Diagnostic) => d.range.start.line;
const describe = (ds: readonly Diagnostic[]) => ds.map((d) => `${lineOf(d) + 1} ${String(d.code)}`).sort();

test('every mid-edit state keeps hover, definition, CodeLens and the other lines as on the finished file', async (t) => {
  const fixture = writeFixture(`//- /project.cfg\n${PROJECT}//- /.dbnd/databand-system.cfg\n${SYSTEM}`);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const uri = fixture.file('/project.cfg').uri;
  const textDocument = { uri };
  const ask = {
    hover: () =>
      withTimeout(
        server.connection.sendRequest(HoverRequest.type, { textDocument, position: KEEP_FAILED_PODS }),
        'hover',
      ),
    definition: () =>
      withTimeout(
        server.connection.sendRequest(DefinitionRequest.type, { textDocument, position: ENV_VALUE }),
        'definition',
      ),
    lenses: () => withTimeout(server.connection.sendRequest(CodeLensRequest.type, { textDocument }), 'code lenses'),
  };

  await server.open(uri, PROJECT);
  const finished = await server.nextDiagnostics(uri, 'the finished file', (p) => p.version === 1);
  assert.deepEqual(describe(finished.diagnostics), [`${LINES} unknown-key`]);
  const baseline = { hover: await ask.hover(), definition: await ask.definition(), lenses: await ask.lenses() };
  assert.match(JSON.stringify(baseline.hover), /Effective for \[your_kubernetes_engine\]/);
  assert.ok(baseline.lenses && baseline.lenses.length >= 2, 'the engine section has its lenses');
  assert.ok(baseline.definition, 'env = kubernetes_cluster_env goes to its section');

  let version = 1;
  for (const state of STATES) {
    version++;
    const text = state.text ?? PROJECT + state.typed;
    const before = server.diagnostics.received.length;
    await server.replaceText(uri, version, text);
    const v = version;
    const published = await server.nextDiagnostics(uri, state.name, (p) => p.version === v, before);
    const other = published.diagnostics.filter((d) => lineOf(d) < LINES);
    assert.deepEqual(describe(other), describe(finished.diagnostics), `${state.name}: the other lines' diagnostics`);
    const typedLines = text.split(/\r?\n/);
    const last = { line: typedLines.length - 1, character: typedLines[typedLines.length - 1].length };
    if (state.flagged) {
      const own = published.diagnostics.filter((d) => lineOf(d) === last.line).map((d) => d.code);
      assert.ok(own.includes(state.flagged), `${state.name}: the typed line is flagged (${own.join(', ')})`);
    }
    assert.deepEqual(await ask.hover(), baseline.hover, `${state.name}: the hover on keep_failed_pods`);
    assert.deepEqual(await ask.definition(), baseline.definition, `${state.name}: the definition of env's value`);
    const lenses = (await ask.lenses()) ?? [];
    assert.deepEqual(
      lenses.filter((l) => l.range.start.line < LINES),
      baseline.lenses,
      `${state.name}: the CodeLenses`,
    );
    if (state.offers) {
      const result = await withTimeout(
        server.connection.sendRequest(CompletionRequest.type, { textDocument, position: last }),
        'completion',
      );
      const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
      const labels = items.map((i) => i.label);
      for (const key of state.offers)
        assert.ok(labels.includes(key), `${state.name}: offers ${key} (${labels.join(' ')})`);
    }
  }
});

test('a byte order mark in databand-system.cfg on disk: dbnd refuses it, the project still reads its sections', async (t) => {
  const fixture = writeFixture(`//- /project.cfg\n${PROJECT}namesp\n//- /.dbnd/databand-system.cfg\n\uFEFF${SYSTEM}`);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const uri = fixture.file('/project.cfg').uri;
  await server.open(uri, `${PROJECT}namesp`);
  await server.nextDiagnostics(uri, 'the open file', (p) => p.version === 1);
  const result = await withTimeout(
    server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: LINES, character: 'namesp'.length },
    }),
    'completion',
  );
  const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
  assert.ok(
    items.some((i) => i.label === 'namespace'),
    'the class of [your_kubernetes_engine] still comes from the BOM file',
  );
  const hover = await withTimeout(
    server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: KEEP_FAILED_PODS }),
    'hover',
  );
  assert.match(JSON.stringify(hover), /keep_failed_pods\*\*: `bool/);
});
