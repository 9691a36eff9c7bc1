// The project model over stdio: a document is checked with the other files of its dbnd project, unopened ones
// read from disk, and a change in one file re-checks the open documents of the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { fixtureEnv, writeFixture } from '../support/fixture';

const PROJECT = `
//- /.dbnd/databand-system.cfg
[parent]
_type = local_machine
//- /project.cfg
[child]
_from = parent
`;

const unknownType = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'unknown-type');

test('a _from target defined in an unopened file resolves; deleting it on disk re-checks the open file', async (t) => {
  const fixture = writeFixture(PROJECT);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({
    workspaceFolders: [fixture.rootUri],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });

  const project = fixture.file('/project.cfg');
  await server.open(project.uri, project.text);
  const first = await server.nextDiagnostics(project.uri, 'the first publish');
  assert.deepEqual(unknownType(first), [], 'parent comes from .dbnd/databand-system.cfg on disk');

  const system = fixture.write('/.dbnd/databand-system.cfg', '[other]\n_type = local_machine\n');
  const before = server.diagnostics.received.length;
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: system.uri, type: FileChangeType.Changed }],
  });
  const after = await server.nextDiagnostics(
    project.uri,
    'an unknown-type error after the disk change',
    (p) => unknownType(p).length > 0,
    before,
  );
  assert.equal(unknownType(after)[0].range.start.line, 1, 'at the _from line of project.cfg');

  // The server asked the client to watch config files.
  assert.ok(server.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method));
});

test('editing an open file re-checks the other open files of the project; its text wins over the disk', async (t) => {
  const fixture = writeFixture(PROJECT);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  await server.initialize({ workspaceFolders: [fixture.rootUri] });

  const project = fixture.file('/project.cfg');
  const system = fixture.file('/.dbnd/databand-system.cfg');
  await server.open(project.uri, project.text);
  await server.open(system.uri, system.text);
  await server.nextDiagnostics(project.uri, 'the first publish');

  const before = server.diagnostics.received.length;
  await server.replaceText(system.uri, 2, '[renamed]\n_type = local_machine\n');
  const broken = await server.nextDiagnostics(
    project.uri,
    'project.cfg re-checked with an error',
    (p) => unknownType(p).length > 0,
    before,
  );
  assert.match(String(unknownType(broken)[0].message), /\[child\] _from = parent/);

  // Closing the edited file: its path falls back to the disk text, which still defines [parent].
  const beforeClose = server.diagnostics.received.length;
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: system.uri } });
  const healed = await server.nextDiagnostics(
    project.uri,
    'project.cfg clean again',
    (p) => unknownType(p).length === 0,
    beforeClose,
  );
  assert.deepEqual(unknownType(healed), []);
});

test('databand.extraConfigFiles join the project; a file outside every folder is checked alone', async (t) => {
  const fixture = writeFixture(`
//- /project.cfg
[child]
_from = parent
//- /conf/extra.cfg
[parent]
_type = local_machine
`);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  server.settings = () => ({ extraConfigFiles: ['conf/extra.cfg'] });
  await server.initialize({
    workspaceFolders: [fixture.rootUri],
    capabilities: { workspace: { configuration: true } },
  });

  const project = fixture.file('/project.cfg');
  await server.open(project.uri, project.text);
  const clean = await server.nextDiagnostics(
    project.uri,
    'clean once the settings are read',
    (p) => unknownType(p).length === 0,
  );
  assert.deepEqual(unknownType(clean), []);

  const outside = pathToFileURL(join(fixture.root, '..', 'dbnd-outside-any-folder', 'project.cfg')).href;
  await server.open(outside, '[child]\n_from = parent\n');
  const alone = await server.nextDiagnostics(
    outside,
    'the outside file checked on its own',
    (p) => unknownType(p).length > 0,
  );
  assert.equal(unknownType(alone).length, 1);
});
