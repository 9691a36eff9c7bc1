// Quick fixes over stdio: the server offers a fix for a diagnostic it published, the client applies the edit
// (as an editor does, with didChange), and the next publish no longer has the diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../support/applyEdits';
import { LspServerProcess } from './lspServerProcess';
import { fixtureEnv, writeFixture } from '../support/fixture';
import { withTimeout } from './waitFor';

const PROJECT = `
//- /.dbnd/databand-system.cfg
[core]
environments = ['local', 'k8s']

[k8s]
_from = local
remote_engine = eng

[eng]
_type = kubernetes
container_repository = r
container_tag = t
labels = {"team": None}
pod_error_cfg_source_dict = {"255": {"retry_count": 3, "retry_delay": "3m"}}
`;

async function fixOnce(
  server: LspServerProcess,
  uri: string,
  text: string,
  version: number,
  code: string,
): Promise<{ text: string; left: Diagnostic[] }> {
  // The publish of the text the client has now (version - 1), so the ranges match it.
  const published = await server.nextDiagnostics(
    uri,
    `a ${code} diagnostic`,
    (p) => p.version === version - 1 && p.diagnostics.some((d) => d.code === code),
  );
  const diagnostic = published.diagnostics.find((d) => d.code === code)!;
  const actions = await withTimeout(
    server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    }),
    'codeAction',
  );
  const action = (actions ?? []).find(
    (a) => 'edit' in a && a.edit?.changes?.[uri] && a.diagnostics?.some((d) => d.code === code),
  );
  assert.ok(action && 'edit' in action, `a quick fix for ${code}: ${JSON.stringify(actions)}`);
  const edits = (action.edit!.changes![uri] as TextEdit[]).map((e) => ({ range: e.range, newText: e.newText }));
  const fixed = applyEdits(text, edits);
  const fromIndex = server.diagnostics.received.length;
  await server.replaceText(uri, version, fixed);
  const after = await server.nextDiagnostics(
    uri,
    `the publish for version ${version}`,
    (p) => p.version === version,
    fromIndex,
  );
  return { text: fixed, left: after.diagnostics };
}

test('quick fixes applied one after another leave a file that lints clean', async (t) => {
  const fixture = writeFixture(PROJECT);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  const init = await server.initialize({ workspaceFolders: [fixture.rootUri] });
  assert.deepEqual(init.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });

  const file = fixture.file('/.dbnd/databand-system.cfg');
  await server.open(file.uri, file.text);
  let text = file.text;
  let version = 1;
  for (const code of ['legacy-key', 'python-literal-in-json', 'retry-delay-ignored']) {
    const result = await fixOnce(server, file.uri, text, ++version, code);
    text = result.text;
    assert.ok(!result.left.some((d) => d.code === code), `${code} is gone after its fix`);
  }
  const { diagnostics } = await server.nextDiagnostics(file.uri, 'the last publish', (p) => p.version === version);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    [],
  );
  assert.match(text, /\[run\]\nenvironments = \['local', 'k8s'\]\n$/);
});

test('a missing required key is inserted as a snippet edit with the cursor after `= ` when the client supports them', async (t) => {
  const fixture = writeFixture(`
//- /.dbnd/databand-system.cfg
[run]
environments = ['local', 'k8s']

[k8s]
_from = local
remote_engine = eng

[eng]
_type = kubernetes
container_tag = t
`);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({
    workspaceFolders: [fixture.rootUri],
    capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } },
  });
  const file = fixture.file('/.dbnd/databand-system.cfg');
  await server.open(file.uri, file.text);
  const published = await server.nextDiagnostics(file.uri, 'missing-required-key', (p) =>
    p.diagnostics.some((d) => d.code === 'missing-required-key'),
  );
  const diagnostic = published.diagnostics.find((d) => d.code === 'missing-required-key')!;
  const actions = await withTimeout(
    server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: file.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    }),
    'codeAction',
  );
  const action = (actions ?? []).find((a) => a.title.startsWith("Add 'container_repository'"));
  assert.ok(action && 'edit' in action, JSON.stringify(actions));
  assert.deepEqual(action.edit?.documentChanges, [
    {
      textDocument: { uri: file.uri, version: null },
      edits: [
        {
          range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } },
          snippet: { kind: 'snippet', value: 'container_repository = $0\n' },
        },
      ],
    },
  ]);
});
