// Settings over stdio: on `workspace/didChangeConfiguration` the server pulls the `databand` settings of every
// folder again (`workspace/configuration`) and re-publishes the diagnostics of the open documents they change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess } from './lspServerProcess';
import { fixtureEnv, writeFixture } from '../support/fixture';

const PROJECT = `
//- /.dbnd/databand-system.cfg
[core]
environments = ["legacy_env"]

[run]
environments = ["local", "prod"]

[prod]
_from = local
remote_engine = prod_engine
//- /project.cfg
[prod_engine]
_type = kubernetes

[legacy_env]
_from = local
`;

const withCode = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code);

test('didChangeConfiguration: the settings are pulled again and open documents re-published', async (t) => {
  const fixture = writeFixture(PROJECT);
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove()));
  let settings: object = {};
  const pulls: (string | undefined)[] = [];
  server.settings = (scopeUri) => (pulls.push(scopeUri), settings);
  await server.initialize({
    workspaceFolders: [fixture.rootUri],
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } },
  });
  const system = fixture.file('/.dbnd/databand-system.cfg');
  const project = fixture.file('/project.cfg');
  await server.open(system.uri, system.text);
  await server.open(project.uri, project.text);

  // Defaults: dbnd's own environment (local) does not depend on [core] environments; prod_engine misses its
  // container_repository.
  await server.nextDiagnostics(
    system.uri,
    'legacy-key as a warning',
    (p) => withCode(p, 'legacy-key')?.severity === DiagnosticSeverity.Warning,
  );
  await server.nextDiagnostics(project.uri, 'missing-required-key', (p) => !!withCode(p, 'missing-required-key'));
  const pullsAtStart = pulls.length;
  assert.ok(pullsAtStart >= 1, 'the settings were read after initialized');
  assert.equal(pulls[0], fixture.rootUri, 'per workspace folder');

  // The default environment becomes legacy_env: every run of it fails, so the legacy key is an error.
  settings = { defaultEnvironment: 'legacy_env' };
  let from = server.diagnostics.received.length;
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  const selected = await server.nextDiagnostics(
    system.uri,
    'legacy-key as an error after the default environment changed',
    (p) => withCode(p, 'legacy-key')?.severity === DiagnosticSeverity.Error,
    from,
  );
  assert.match(String(withCode(selected, 'legacy-key')?.message), /The selected environment 'legacy_env'/);
  assert.ok(pulls.length > pullsAtStart, 'the change pulled workspace/configuration again');

  // An extra environment variable sets the engine's missing key: project.cfg is re-published without it.
  settings = {
    defaultEnvironment: 'legacy_env',
    environmentVariables: { DBND__PROD_ENGINE__CONTAINER_REPOSITORY: 'registry.example/prod' },
  };
  from = server.diagnostics.received.length;
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await server.nextDiagnostics(
    project.uri,
    'no missing-required-key once the variable is set',
    (p) => !withCode(p, 'missing-required-key'),
    from,
  );

  // Back to the defaults: both findings return as they were.
  settings = {};
  from = server.diagnostics.received.length;
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await server.nextDiagnostics(
    project.uri,
    'missing-required-key again',
    (p) => !!withCode(p, 'missing-required-key'),
    from,
  );
  await server.nextDiagnostics(
    system.uri,
    'legacy-key a warning again',
    (p) => withCode(p, 'legacy-key')?.severity === DiagnosticSeverity.Warning,
    from,
  );
});

test('a settings answer that repeats the current settings re-checks nothing: the open document is linted once', async (t) => {
  // The first `workspace/configuration` answer usually arrives after the editor opened its documents, and says
  // what the defaults say: re-checking then pushed every open document's first diagnostics back by the debounce.
  const fixture = writeFixture(PROJECT);
  const outside = writeFixture('//- /alone.cfg\n[core]\n');
  const server = LspServerProcess.start(fixtureEnv(fixture));
  t.after(() => (server.dispose(), fixture.remove(), outside.remove()));
  const project = fixture.file('/project.cfg');
  // The answer is held back until the document's first diagnostics are out.
  const firstPublish = server.nextDiagnostics(project.uri, 'the first lint');
  server.settings = async () => (await firstPublish, {});
  await server.initialize({
    workspaceFolders: [fixture.rootUri],
    capabilities: { workspace: { configuration: true } },
  });
  await server.open(project.uri, project.text);
  await firstPublish;
  // A file outside the project, opened after the answer: its diagnostics come after any re-check the answer caused.
  const alone = outside.file('/alone.cfg');
  await new Promise((resolve) => setImmediate(resolve));
  await server.open(alone.uri, alone.text);
  await server.nextDiagnostics(alone.uri, 'the file outside the project');
  const published = server.diagnostics.received.filter((p) => p.uri === project.uri);
  assert.equal(published.length, 1, 'project.cfg was published once');
});
