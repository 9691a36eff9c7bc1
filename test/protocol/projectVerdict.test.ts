// The editor shows the project's verdict, read from disk as the CLI reads it: diagnostics of project files
// nobody opened are published (and replaced by the document's own once it is opened), a file that is not UTF-8
// is dbnd's UnicodeDecodeError in the editor as in `dbnd-cfg render-pod`, and a huge binary file is refused
// without being read whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { DidCloseTextDocumentNotification } from 'vscode-languageserver-protocol/node';
import { RenderPodRequest } from '../../protocol/customRequests';
import { CLI_JS } from '../support/paths';
import { LspServerProcess } from './lspServerProcess';
import { fixtureEnv, writeFixture } from '../support/fixture';
import { withTimeout } from './waitFor';

const SYSTEM = `
//- /.dbnd/databand-system.cfg
[databand]
env = k8s

[run]
environments = ['local', 'k8s']

[k8s]
_from = local
remote_engine = eng

[eng]
_type = kubernetes
container_repository = r
container_tag = t
keep_failed_pods = maybe
//- /project.cfg
[eng]
namespace = prod
`;

test("with project.cfg open, the system file's errors are published, then its own once opened and again on close", async (t) => {
  const fixture = writeFixture(SYSTEM);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const system = fixture.file('/.dbnd/databand-system.cfg');
  const project = fixture.file('/project.cfg');
  await server.open(project.uri, project.text);
  const unopened = await server.nextDiagnostics(system.uri, 'the unopened system file', (p) =>
    p.diagnostics.some((d) => d.code === 'invalid-value'),
  );
  assert.equal(unopened.diagnostics.find((d) => d.code === 'invalid-value')?.severity, 1);

  // Opened and fixed: its own versioned publish is clean.
  await server.open(system.uri, system.text);
  let from = server.diagnostics.received.length;
  await server.replaceText(system.uri, 2, system.text.replace('maybe', 'True'));
  const fixed = await server.nextDiagnostics(system.uri, 'the fixed document', (p) => p.version === 2, from);
  assert.deepEqual(fixed.diagnostics, []);

  // Closed without saving: the disk's text (still bad) is what dbnd reads, so its error comes back.
  from = server.diagnostics.received.length;
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, {
    textDocument: { uri: system.uri },
  });
  await server.nextDiagnostics(
    system.uri,
    'the disk verdict after close',
    (p) => p.diagnostics.some((d) => d.code === 'invalid-value'),
    from,
  );
});

test('a latin-1 byte in an unopened project.cfg: the same UnicodeDecodeError in the editor as in render-pod', async (t) => {
  const fixture = writeFixture(SYSTEM.replace('keep_failed_pods = maybe', 'keep_failed_pods = True'));
  t.after(() => fixture.remove());
  writeFileSync(fixture.file('/project.cfg').path, Buffer.from('[eng]\nnamespace = caf\xe9\n', 'latin1'));
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => server.dispose());
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const system = fixture.file('/.dbnd/databand-system.cfg');
  const project = fixture.file('/project.cfg');
  await server.open(system.uri, system.text);
  const published = await server.nextDiagnostics(project.uri, 'not-utf8', (p) =>
    p.diagnostics.some((d) => d.code === 'not-utf8'),
  );
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.range.start.line]),
    [['not-utf8', 1]],
  );
  const rendered = await withTimeout(
    server.connection.sendRequest(RenderPodRequest.type, { uri: system.uri, mode: 'driver', env: 'k8s' }),
    'renderPod',
  );
  assert.equal(rendered.pod, null);
  const cli = spawnSync(process.execPath, [CLI_JS, 'render-pod', '--env', 'k8s'], {
    cwd: fixture.root,
    encoding: 'utf8',
    env: fixtureEnv(fixture),
    timeout: 30_000,
  });
  assert.notEqual(cli.status, 0);
  assert.ok(rendered.error);
  assert.match(rendered.error.message, /'utf-8' codec can't decode byte 0xe9/);
  assert.ok(cli.stderr.includes(rendered.error.message.split('\n')[0]), `${cli.stderr}\n${rendered.error.message}`);
});

test('a 50 MB binary project.cfg is refused as the CLI refuses it, not read whole', async (t) => {
  const fixture = writeFixture(SYSTEM);
  t.after(() => fixture.remove());
  writeFileSync(fixture.file('/project.cfg').path, Buffer.alloc(50 * 1024 * 1024, 0xff));
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => server.dispose());
  await server.initialize({ workspaceFolders: [fixture.rootUri] });
  const system = fixture.file('/.dbnd/databand-system.cfg');
  const project = fixture.file('/project.cfg');
  await server.open(system.uri, system.text);
  const published = await server.nextDiagnostics(project.uri, 'unreadable-file', (p) => p.diagnostics.length > 0);
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['unreadable-file'],
  );
  const cli = spawnSync(process.execPath, [CLI_JS, 'lint'], {
    cwd: fixture.root,
    encoding: 'utf8',
    env: fixtureEnv(fixture),
  });
  assert.equal(cli.status, 2);
  const message = String(published.diagnostics[0].message);
  assert.ok(cli.stderr.includes(message), `${cli.stderr}\n${message}`);
});
