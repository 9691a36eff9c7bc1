// An open document whose text starts with U+FEFF, over stdio. VS Code drops a byte order mark when it opens a
// file; other LSP clients (Neovim, Helix) send the text as read, mark included, and count it as one UTF-16
// unit of line 1. dbnd refuses the file (its first header is not a header to configparser), and the server says
// so at line 1, while completion, definition, hover and CodeLens read the document as the user sees it.
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
  type Location,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { withTimeout } from './waitFor';
import { fixtureEnv, writeFixture } from '../support/fixture';
import { repoPath } from '../support/paths';

const SYSTEM = readFileSync(repoPath('test/workspace/.dbnd/databand-system.cfg'), 'utf8');
/** The open project.cfg: a BOM right before its first header, and a key being typed on the last line. */
const PROJECT = [
  '\uFEFF[databand]',
  'env = kubernetes_cluster_env',
  '',
  '[your_kubernetes_engine]',
  'keep_failed_pods = True',
  'namesp',
].join('\n');

test('a document opened with a byte order mark: features at the positions the client counts', async (t) => {
  const fixture = writeFixture(`//- /project.cfg\n${PROJECT.slice(1)}\n//- /.dbnd/databand-system.cfg\n${SYSTEM}`);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const uri = fixture.file('/project.cfg').uri;
  const textDocument = { uri };
  await server.open(uri, PROJECT);
  const published = await server.nextDiagnostics(uri, 'the BOM document', (p) => p.version === 1);
  const codes = published.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
  assert.ok(codes.includes('1 missing-section-header'), `dbnd's verdict on the mark, at line 1: ${codes.join('; ')}`);
  assert.ok(codes.includes('6 invalid-line'), `the half-typed line is flagged: ${codes.join('; ')}`);

  const result = await withTimeout(
    server.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: 5, character: 6 } }),
    'completion',
  );
  const items: CompletionItem[] = Array.isArray(result) ? result : ((result as CompletionList | null)?.items ?? []);
  const namespace = items.find((i) => i.label === 'namespace');
  assert.ok(namespace, `the keys of KubernetesEngineConfig: ${items.map((i) => i.label).join(' ')}`);
  assert.ok(namespace.textEdit && 'range' in namespace.textEdit, 'a text edit over the typed prefix');
  assert.deepEqual(namespace.textEdit.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 6 } });

  const systemUri = fixture.file('/.dbnd/databand-system.cfg').uri;
  const envTarget = await withTimeout(
    server.connection.sendRequest(DefinitionRequest.type, { textDocument, position: { line: 1, character: 10 } }),
    'definition of env',
  );
  const envLine = SYSTEM.split('\n').indexOf('[kubernetes_cluster_env]');
  assert.deepEqual(
    (envTarget as Location[]).map((l) => [l.uri, l.range.start.line, l.range.start.character]),
    [[systemUri, envLine, 1]],
  );
  // On line 1 the mark is column 0, so `[` is column 1 and the name starts at column 2.
  const onHeader = await withTimeout(
    server.connection.sendRequest(DefinitionRequest.type, { textDocument, position: { line: 0, character: 3 } }),
    'definition on the first header',
  );
  assert.deepEqual(
    (onHeader as Location[]).map((l) => [l.uri, l.range]),
    [[uri, { start: { line: 0, character: 2 }, end: { line: 0, character: 10 } }]],
  );

  const hover = await withTimeout(
    server.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 4, character: 3 } }),
    'hover',
  );
  const markdown = JSON.stringify(hover);
  assert.match(markdown, /keep_failed_pods\*\*: `bool/);
  assert.match(markdown, /Effective for \[your_kubernetes_engine\]:\*\* `True` from [^`]*project\.cfg:5/);

  const lenses = (await withTimeout(server.connection.sendRequest(CodeLensRequest.type, { textDocument }), 'lenses'))!;
  assert.deepEqual(
    lenses.map((l) => `${l.range.start.line}:${l.range.start.character} ${l.command?.title}`),
    ['3:0 Show Pod spec', '3:0 Show effective config'],
  );
});
