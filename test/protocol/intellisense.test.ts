// Completion and hover over stdio, on a project whose other file is not open: keys come from the class the
// `_from` chain in the unopened file names, and the hover names the unopened file that wins (a relative link).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionRequest,
  HoverRequest,
  InsertTextFormat,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { withTimeout } from './waitFor';
import { fixtureEnv, writeFixture } from '../support/fixture';

test('completion offers the keys of a class named in an unopened file, with `key = ` or a JSON skeleton, and docs', async (t) => {
  const fixture = writeFixture(`
//- /.dbnd/databand-system.cfg
[base]
_type = kubernetes
//- /project.cfg
[mine]
_from = base
namespace = dev
$0
`);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  const init = await server.initialize({ workspaceFolders: [fixture.rootUri] });
  assert.ok(init.capabilities.completionProvider && init.capabilities.hoverProvider);
  const cursor = fixture.cursor!;
  const position = { line: cursor.line, character: cursor.character };
  await server.open(cursor.file.uri, cursor.file.text);

  const { items } = (await withTimeout(
    server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: cursor.file.uri }, position }),
    'the completion response',
  )) as CompletionList;
  const labels = items.map((i) => i.label);
  assert.ok(labels.includes('container_repository'), 'a KubernetesEngineConfig key');
  assert.ok(!labels.includes('namespace'), 'already set');
  const policy = items.find((i) => i.label === 'image_pull_policy')!;
  assert.equal(policy.insertTextFormat, InsertTextFormat.PlainText);
  assert.deepEqual(policy.textEdit, { range: { start: position, end: position }, newText: 'image_pull_policy = ' });
  assert.equal(policy.command?.command, 'editor.action.triggerSuggest', 'accepting opens the value list');
  const secrets = items.find((i) => i.label === 'secrets')!;
  assert.equal(secrets.insertTextFormat, InsertTextFormat.Snippet, 'a JSON skeleton');
  assert.match((policy.documentation as MarkupContent).value, /imagePullPolicy/);
});

test('hover names the unopened file whose value beats the line under the cursor, as a relative link to its line', async (t) => {
  const fixture = writeFixture(`
//- /.dbnd/databand-system.cfg
[kubernetes]
namespace$0 = dev
//- /project.cfg
[kubernetes]
namespace = prod
`);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const cursor = fixture.cursor!;
  const position = { line: cursor.line, character: cursor.character };
  await server.open(cursor.file.uri, cursor.file.text);
  const result = await withTimeout(
    server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: cursor.file.uri }, position }),
    'the hover',
  );
  const text = (result!.contents as MarkupContent).value;
  // Relative to the project root, as a plain file link to the line (VS Code opens `#L2` at line 2).
  const projectUri = fixture.file('/project.cfg').uri;
  assert.ok(text.includes(`\`prod\` from [project.cfg:2](${projectUri}#L2)`), text);
  assert.match(text, /This line is overridden/);
  assert.deepEqual(result!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
});
