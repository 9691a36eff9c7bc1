// The extension's custom requests (protocol/customRequests.ts) against the bundled server over stdio, on the
// sample project in test/workspace: the environments, the effective config with provenance, the Pod spec, and
// the error dbnd would raise (with its line) when an open, unsaved document breaks the configuration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { readFileSync } from 'node:fs';
import { EffectiveConfigRequest, EnvironmentsRequest, RenderPodRequest } from '../../protocol/customRequests';
import { LspServerProcess } from './lspServerProcess';
import { REPO_ROOT } from '../support/paths';
import { withTimeout } from './waitFor';

const WORKSPACE = join(REPO_ROOT, 'test', 'workspace');
const SYSTEM_CFG = join(WORKSPACE, '.dbnd', 'databand-system.cfg');
const systemUri = pathToFileURL(SYSTEM_CFG).href;
// No DBND_HOME/DBND_CONFIG of the machine running the tests: the project is found from the workspace folder.
const ENV = { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home', USER: 'tester' };

/** The 0-based line of the first line of `path` that starts with `prefix`. */
function lineOf(path: string, prefix: string): number {
  return readFileSync(path, 'utf8')
    .split('\n')
    .findIndex((l) => l.startsWith(prefix));
}

async function started(t: { after: (fn: () => void) => void }): Promise<LspServerProcess> {
  const server = LspServerProcess.start(ENV);
  t.after(() => server.dispose());
  await server.initialize({ workspaceFolders: [pathToFileURL(WORKSPACE).href] });
  return server;
}

test('dbnd/environments lists [run] environments with their engines, Kubernetes marked', async (t) => {
  const server = await started(t);
  const result = await withTimeout(
    server.connection.sendRequest(EnvironmentsRequest.type, { uri: systemUri }),
    'dbnd/environments',
  );
  assert.equal(result.error, null);
  assert.equal(result.defaultEnv, 'kubernetes_cluster_env');
  assert.deepEqual(
    result.environments.map((e) => [e.name, e.engine, e.engineClass, e.kubernetes]),
    [
      ['local', 'local_machine_engine', 'LocalMachineEngineConfig', false],
      ['kubernetes_cluster_env', 'your_kubernetes_engine', 'KubernetesEngineConfig', true],
    ],
  );
  const k8s = result.environments[1];
  assert.equal(k8s.location?.uri, systemUri);
  assert.equal(k8s.location?.range.start.line, lineOf(SYSTEM_CFG, '[kubernetes_cluster_env]'));
  assert.deepEqual(result.files, [systemUri, pathToFileURL(join(WORKSPACE, 'project.cfg')).href]);
});

test('dbnd/effectiveConfig gives every value with the file and line it comes from', async (t) => {
  const server = await started(t);
  const result = await withTimeout(
    server.connection.sendRequest(EffectiveConfigRequest.type, { uri: systemUri }),
    'dbnd/effectiveConfig',
  );
  assert.equal(result.error, null);
  assert.deepEqual(
    result.objects.map((o) => [o.role, o.name, o.className]),
    [
      ['env', 'kubernetes_cluster_env', 'LocalEnvConfig'],
      ['engine', 'your_kubernetes_engine', 'KubernetesEngineConfig'],
    ],
  );
  const engine = result.objects[1];
  const namespace = engine.params.find((p) => p.name === 'namespace')!;
  assert.equal(namespace.value, 'databand');
  assert.deepEqual(
    namespace.from.map((f) => [f.text, f.location?.uri, f.location?.range.start.line]),
    // Named relative to the project root (DBND_HOME), as `dbnd-cfg effective` and the hover name it.
    [
      [
        `.dbnd/databand-system.cfg:${lineOf(SYSTEM_CFG, 'namespace = ') + 1}`,
        systemUri,
        lineOf(SYSTEM_CFG, 'namespace = '),
      ],
    ],
  );
  const keepFailed = engine.params.find((p) => p.name === 'keep_failed_pods')!;
  assert.equal(keepFailed.value, true, 'project.cfg wins over databand-system.cfg');
  assert.match(keepFailed.source, /project\.cfg/);
  const debug = engine.params.find((p) => p.name === 'debug')!;
  assert.deepEqual(debug.from, [{ text: 'code default' }]);
});

test("dbnd/renderPod renders the driver pod, a task pod with task_config, and dbnd's error at its line", async (t) => {
  const server = await started(t);
  const driver = await withTimeout(
    server.connection.sendRequest(RenderPodRequest.type, { uri: systemUri, mode: 'driver' }),
    'driver pod',
  );
  assert.equal(driver.error, null, JSON.stringify(driver.error));
  const pod = driver.pod as {
    kind: string;
    metadata: { namespace: string };
    spec: { containers: { resources: unknown }[] };
  };
  assert.equal(pod.kind, 'Pod');
  assert.equal(pod.metadata.namespace, 'databand');

  const task = await withTimeout(
    server.connection.sendRequest(RenderPodRequest.type, {
      uri: systemUri,
      mode: 'task',
      taskName: 'prepare_data',
      taskConfig: { kubernetes: { limit_memory: '3Gi' } },
    }),
    'task pod',
  );
  assert.equal(task.error, null, JSON.stringify(task.error));
  assert.match(JSON.stringify(task.pod), /"limits":\{[^}]*"memory":"3Gi"/);

  // An unsaved edit in the editor counts, as the file dbnd would read once saved.
  const text = readFileSync(SYSTEM_CFG, 'utf8');
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: systemUri, languageId: 'dbnd-cfg', version: 1, text },
  });
  const brokenLine = lineOf(SYSTEM_CFG, 'docker_build =');
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: systemUri, version: 2 },
    contentChanges: [
      {
        range: { start: { line: brokenLine, character: 0 }, end: { line: brokenLine + 1, character: 0 } },
        text: 'docker_build = maybe\n',
      },
    ],
  });
  const broken = await withTimeout(
    server.connection.sendRequest(RenderPodRequest.type, { uri: systemUri, mode: 'driver' }),
    'broken pod',
  );
  assert.ok(broken.error);
  assert.equal(broken.pod, null);
  assert.equal(broken.error.stage, 'engine');
  assert.equal(broken.error.type, 'DatabandBuildError');
  assert.match(broken.error.message, /docker_build/);
  assert.equal(broken.error.location?.uri, systemUri);
  assert.equal(broken.error.location?.range.start.line, brokenLine);
});

test('a custom request whose handler throws is answered with an error naming it, logged, and the session goes on', async (t) => {
  const server = await started(t);
  // Params without a uri make each handler throw (a client bug, or a bug of the server): the guard's case.
  const broken = {} as { uri: string };
  for (const [method, send] of [
    [EnvironmentsRequest.method, () => server.connection.sendRequest(EnvironmentsRequest.type, broken)],
    [EffectiveConfigRequest.method, () => server.connection.sendRequest(EffectiveConfigRequest.type, broken)],
    [
      RenderPodRequest.method,
      () => server.connection.sendRequest(RenderPodRequest.type, { ...broken, mode: 'driver' }),
    ],
  ] as const) {
    const err: unknown = await withTimeout(
      (send() as Promise<unknown>).then(
        () => assert.fail(`${method} answered a result`),
        (e: unknown) => e,
      ),
      method,
    );
    assert.ok(err instanceof ResponseError, `${method}: an LSP error response, got ${String(err)}`);
    assert.equal(err.code, ErrorCodes.InternalError);
    assert.match(err.message, new RegExp(`^${method} failed: `));
    assert.ok(
      server.logMessages.some((m) => m.startsWith(`${method} failed: `)),
      `${method}: the failure is in the server log: ${server.logMessages.join('\n')}`,
    );
  }
  const result = await withTimeout(
    server.connection.sendRequest(EnvironmentsRequest.type, { uri: systemUri }),
    'dbnd/environments after the failures',
  );
  assert.equal(result.defaultEnv, 'kubernetes_cluster_env');
});
