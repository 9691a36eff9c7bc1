// One plan for the CLI and the editor: for the guide's configuration (test/workspace: container_tag empty,
// docker_build = True) the language server's `dbnd/prepareClusterRun` (what the editor's run builds from, through
// runIo's imageBuildCommands) and `dbnd-cfg run --dry-run` (what the CLI says it would run) name the same docker
// commands in the same folders. The tag carries the second the run was prepared, so it is compared by its form.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrepareClusterRunRequest } from '../../protocol/customRequests';
import { commandText, imageBuildCommands } from '../../server/src/runIo';
import { CLI_JS, repoPath } from '../support/paths';
import { fakeDocker } from '../support/fakeDocker';
import { LspServerProcess } from './lspServerProcess';
import { withTimeout } from './waitFor';

const WORKSPACE = repoPath('test', 'workspace');
const home = mkdtempSync(join(tmpdir(), 'image-plan-'));
const sameSecond = (text: string) => text.replace(/dbnd_build_\d{8}_\d{6}/g, 'dbnd_build_<start>');

test('the language server and dbnd-cfg run --dry-run give the same build and push commands for one project', async (t) => {
  const docker = fakeDocker('exit 0');
  const env = { PATH: docker.dir, HOME: home, USER: 'tester', KUBECONFIG: join(home, 'none') };
  const server = LspServerProcess.start(env);
  t.after(() => server.dispose());
  await server.initialize({ workspaceFolders: [pathToFileURL(WORKSPACE).href] });
  const r = await withTimeout(
    server.connection.sendRequest(PrepareClusterRunRequest.type, {
      uri: pathToFileURL(WORKSPACE).href,
      env: 'kubernetes_cluster_env',
      task: 'prepare_data',
      set: [],
      context: null,
      namespace: null,
    }),
    'dbnd/prepareClusterRun',
  );
  assert.ok(r.plan?.imageBuild, JSON.stringify(r.error));
  // The editor's run: the plan's image build, from the folder the run starts in (the workspace folder).
  const editor = imageBuildCommands(r.plan.imageBuild, WORKSPACE).map((c) => `in ${c.cwd}: ${commandText(c)}`);
  assert.equal(editor.length, 2, 'build and push');

  // The CLI, started in the same folder; no kubeconfig, so it stops at the cluster after saying what it would build.
  const cli = spawnSync(process.execPath, [CLI_JS, 'run', '--task', 'prepare_data', '--dry-run'], {
    cwd: WORKSPACE,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const said = cli.stderr
    .split('\n')
    .filter((l) => l.startsWith('dbnd-cfg run:   in '))
    .map((l) => l.slice('dbnd-cfg run:   '.length));
  assert.deepEqual(said.map(sameSecond), editor.map(sameSecond), cli.stderr);
  assert.match(cli.stderr, /would build and push image databand_examples:dbnd_build_\d{8}_\d{6} first/);
  assert.deepEqual(docker.calls(), [], 'neither built anything');
});
