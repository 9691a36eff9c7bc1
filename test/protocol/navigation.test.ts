// Navigation over stdio on a multi-file project where only one file is open: rename edits every file (the
// unopened ones read from disk), references and definitions cross files, a reserved name is refused with its
// reason, and the outline, folding and workspace symbols answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
  type Location,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { fixtureEnv, writeFixture, type Fixture } from '../support/fixture';
import { withTimeout } from './waitFor';

const PROJECT = `
//- /.dbnd/databand-system.cfg
[run]
environments = ['local', 'k8s_env']

[k8s_env]
_from = local
remote_engine = my_engine

[my_engine]
_type = kubernetes
container_repository = r
container_tag = t
//- /project.cfg
[other_env]
_from = k8s_env
remote_engine = $0my_engine
`;

function textAt(fixture: Fixture, uri: string, range: Range): string {
  const file = fixture.files.find((f) => f.uri === uri)!;
  const line = file.text.split('\n')[range.start.line];
  return line.slice(range.start.character, range.end.character);
}

function describe(fixture: Fixture, locations: readonly Location[]): string[] {
  return locations
    .map(
      (l) =>
        `${fixture.files.find((f) => f.uri === l.uri)!.name}:${l.range.start.line}: ${textAt(fixture, l.uri, l.range)}`,
    )
    .sort();
}

async function start(t: { after: (fn: () => void) => void }) {
  const fixture = writeFixture(PROJECT);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  const init = await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const project = fixture.file('/project.cfg');
  await server.open(project.uri, project.text);
  return {
    fixture,
    server,
    init,
    project,
    cursor: { line: fixture.cursor!.line, character: fixture.cursor!.character },
  };
}

test('rename edits the header and every reference, in the open file and in the unopened one', async (t) => {
  const { fixture, server, init, project, cursor } = await start(t);
  assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true });
  const send = <R>(p: Promise<R>, what: string) => withTimeout(p, what);

  const prepared = await send(
    server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: project.uri }, position: cursor }),
    'prepareRename',
  );
  assert.deepEqual(prepared && 'placeholder' in prepared ? prepared.placeholder : prepared, 'my_engine');

  const edit = await send(
    server.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: project.uri },
      position: cursor,
      newName: 'gke_engine',
    }),
    'rename',
  );
  const changes = edit?.changes ?? {};
  const system = fixture.file('/.dbnd/databand-system.cfg');
  assert.deepEqual(
    Object.keys(changes).sort(),
    [project.uri, system.uri].sort(),
    'both files, one of them never opened',
  );
  const edited = Object.entries(changes).flatMap(([uri, edits]) => edits.map((e) => ({ uri, range: e.range })));
  assert.deepEqual(describe(fixture, edited), [
    '/.dbnd/databand-system.cfg:5: my_engine',
    '/.dbnd/databand-system.cfg:7: my_engine',
    '/project.cfg:2: my_engine',
  ]);
  assert.ok(
    Object.values(changes)
      .flat()
      .every((e) => e.newText === 'gke_engine'),
  );
});

test('references and definition cross files; a dbnd family name cannot be renamed', async (t) => {
  const { fixture, server, project, cursor } = await start(t);
  const refs = await withTimeout(
    server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: project.uri },
      position: cursor,
      context: { includeDeclaration: true },
    }),
    'references',
  );
  assert.deepEqual(describe(fixture, refs ?? []), [
    '/.dbnd/databand-system.cfg:5: my_engine',
    '/.dbnd/databand-system.cfg:7: my_engine',
    '/project.cfg:2: my_engine',
  ]);

  const fromK8s = { line: 1, character: 'from = k8'.length };
  const def = await withTimeout(
    server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: project.uri }, position: fromK8s }),
    'definition',
  );
  assert.deepEqual(describe(fixture, (def ?? []) as Location[]), ['/.dbnd/databand-system.cfg:3: k8s_env']);

  const onLocal = { line: 1, character: '_from = lo'.length };
  const system = fixture.file('/.dbnd/databand-system.cfg');
  await server.open(system.uri, system.text);
  await assert.rejects(
    withTimeout(
      server.connection.sendRequest(PrepareRenameRequest.type, {
        textDocument: { uri: system.uri },
        position: { ...onLocal, line: 4 },
      }),
      'prepareRename',
    ),
    /LocalEnvConfig/,
  );
});

test('outline, folding and workspace symbols', async (t) => {
  const { server, project } = await start(t);
  const symbols = await withTimeout(
    server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: project.uri } }),
    'documentSymbol',
  );
  assert.deepEqual(
    (symbols ?? []).map((s) =>
      'children' in s ? `${s.name}(${(s.children ?? []).map((c) => c.name).join(',')})` : s.name,
    ),
    ['other_env(_from,remote_engine)'],
  );
  const folds = await withTimeout(
    server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: project.uri } }),
    'foldingRange',
  );
  assert.deepEqual(
    (folds ?? []).map((f) => [f.startLine, f.endLine]),
    [[0, 2]],
  );
  const found = await withTimeout(
    server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'engine' }),
    'workspace/symbol',
  );
  assert.deepEqual(
    (found ?? []).map((s) => s.name),
    ['my_engine'],
    'found in the unopened system file',
  );
});
