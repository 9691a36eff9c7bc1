// `dbnd/prepareClusterRun` against the bundled server over stdio: the run the extension submits is prepared by the
// server's core from the project's SAVED files (an unsaved edit does not count: dbnd and the image build read the
// disk), with the driver pod, the kubeconfig settings, the image dbnd would build, or dbnd's error at its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
} from 'vscode-languageserver-protocol/node';
import { PrepareClusterRunRequest, type PrepareClusterRunParams } from '../../protocol/customRequests';
import { LspServerProcess } from './lspServerProcess';
import { REPO_ROOT } from '../support/paths';
import { withTimeout } from './waitFor';

const WORKSPACE = join(REPO_ROOT, 'test', 'workspace');
const SYSTEM_CFG = join(WORKSPACE, '.dbnd', 'databand-system.cfg');
const systemUri = pathToFileURL(SYSTEM_CFG).href;
const ENV = { PATH: process.env.PATH ?? '', HOME: '/nonexistent-home', USER: 'tester' };

async function started(t: { after: (fn: () => void) => void }, folder: string): Promise<LspServerProcess> {
  const server = LspServerProcess.start(ENV);
  t.after(() => server.dispose());
  await server.initialize({ workspaceFolders: [pathToFileURL(folder).href] });
  return server;
}

const params = (folder: string, extra: Partial<PrepareClusterRunParams> = {}): PrepareClusterRunParams => ({
  uri: pathToFileURL(folder).href,
  env: 'kubernetes_cluster_env',
  task: 'prepare_data',
  set: [],
  context: null,
  namespace: null,
  ...extra,
});

test('the plan of the sample project: driver pod, kubeconfig settings, engine values, the image dbnd builds', async (t) => {
  const server = await started(t, WORKSPACE);
  const r = await withTimeout(
    server.connection.sendRequest(PrepareClusterRunRequest.type, params(WORKSPACE, { namespace: 'team-a' })),
    'dbnd/prepareClusterRun',
  );
  assert.equal(r.error, null, JSON.stringify(r.error));
  assert.equal(r.noPod, null);
  const plan = r.plan;
  assert.ok(plan);
  assert.equal(plan.envName, 'kubernetes_cluster_env');
  assert.equal(plan.engineName, 'your_kubernetes_engine');
  assert.match(plan.runUid, /^[0-9a-f-]{36}$/);
  assert.deepEqual(plan.kubeconfig, {
    inCluster: null,
    configFile: null,
    clusterContext: 'databand_context',
    context: null,
    namespace: 'team-a',
  });
  // --namespace reaches the pod too, as a --set of the engine would.
  assert.equal((plan.pod.metadata as { namespace?: string }).namespace, 'team-a');
  assert.match(plan.pod.metadata.name, /^dbnd\.docker-run-task\.dbnd-driver-run\.[0-9a-f]{8}$/);
  assert.equal((plan.pod.metadata as { labels?: Record<string, string> }).labels?.dbnd_run_uid, plan.runUid);
  assert.equal(plan.engineValues.keep_failed_pods, true);
  assert.ok(plan.imageBuild);
  assert.match(plan.imageBuild.image, /^databand_examples:dbnd_build_\d{8}_\d{6}$/);
  assert.equal(plan.imageBuild.push, true);
  assert.equal(plan.imageBuild.dbndHome, WORKSPACE);
  assert.deepEqual(r.files, [systemUri, pathToFileURL(join(WORKSPACE, 'project.cfg')).href]);
  // A real submission: no preview placeholder anywhere (the all-zero uid, the 1970 build time and date).
  assert.doesNotMatch(JSON.stringify(plan), /00000000-0000-0000-0000-000000000000|19700101|1970-01-01/);
  assert.match(JSON.stringify(plan.pod), /run\.run_result_json_path=[^"]*\/[0-9a-f-]{36}\.json"/);
});

test('an unsaved edit does not count: the run is prepared from the saved file', async (t) => {
  const server = await started(t, WORKSPACE);
  const text = readFileSync(SYSTEM_CFG, 'utf8');
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: systemUri, languageId: 'dbnd-cfg', version: 1, text },
  });
  const line = text.split('\n').findIndex((l) => l.startsWith('docker_build ='));
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri: systemUri, version: 2 },
    contentChanges: [
      {
        range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
        text: 'docker_build = maybe\n',
      },
    ],
  });
  const r = await withTimeout(
    server.connection.sendRequest(PrepareClusterRunRequest.type, params(WORKSPACE)),
    'dbnd/prepareClusterRun',
  );
  assert.equal(r.error, null, 'the unsaved docker_build = maybe was read');
  assert.ok(r.plan?.imageBuild, 'the saved docker_build = True holds');
});

test("a saved config dbnd cannot build: dbnd's error with the file and line that cause it; a local env submits no pod", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'prepare-run-'));
  const lines = [
    '[run]',
    "environments = ['local', 'k8s']",
    '[k8s]',
    '_from = local',
    'remote_engine = k8s_engine',
    '[k8s_engine]',
    '_type = kubernetes',
    'container_repository = repo',
    'container_tag = 1',
    'startup_timeout = soon',
    '',
  ];
  writeFileSync(join(dir, 'project.cfg'), lines.join('\n'));
  const server = await started(t, dir);
  const r = await withTimeout(
    server.connection.sendRequest(PrepareClusterRunRequest.type, params(dir, { env: 'k8s' })),
    'dbnd/prepareClusterRun',
  );
  assert.equal(r.plan, null);
  assert.ok(r.error);
  assert.equal(r.error.stage, 'engine');
  assert.match(r.error.message, /startup_timeout/);
  assert.equal(r.error.location?.uri, pathToFileURL(join(dir, 'project.cfg')).href);
  assert.equal(r.error.location?.range.start.line, lines.indexOf('startup_timeout = soon'));

  const local = await withTimeout(
    server.connection.sendRequest(PrepareClusterRunRequest.type, params(dir, { env: 'local' })),
    'dbnd/prepareClusterRun local',
  );
  assert.equal(local.plan, null);
  assert.equal(local.error, null);
  assert.match(local.noPod ?? '', /env "local" runs locally: it has no remote_engine/);
});
