// "Databand: Run Task on Cluster" on the guide's configuration (test/workspace: empty container_tag, docker_build =
// True) in a real VS Code against the k8s testbed and the Docker testbed (scripts/test.mjs starts both and hands
// their environment to the extension host): as dbnd does, the run builds the image with dbnd's tag, pushes it to
// registry.testbed, and only then submits the pod, which runs that image (pulled by the testbed's containerd); the
// pod's log follows docker's output in the run's output channel, and the pod is deleted. The editor's build is the
// plan `dbnd-cfg run --dry-run` gives for the same project (the same commands in the same folders); the same project,
// laid out by the same helper, runs from the CLI in test/real-cluster/imageBuild.test.ts (issue 16 §1).
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import type { FinishedRun } from '../../client/src/cluster/clusterRunner';
import { commandText, imageBuildCommands } from '../../server/src/runIo';
import {
  docker,
  guideRunOutput,
  registryTags,
  requireDockerTestbed,
  stampedWithin,
  uniqueRepository,
  waitForPodEvent,
  writeGuideProject,
} from '../support/dockerTestbed';
import { repoPath } from '../support/paths';
import { requireCluster, testbedApi, unique } from './clusterPods';

/** dbnd's build tag with its time stamp blanked, so the plans of two runs (a second apart) compare. */
const unstamped = (text: string) => text.replace(/:dbnd_build_\d{8}_\d{6}\b/g, ':dbnd_build_<time>');

/**
 * The docker commands `dbnd-cfg run --dry-run` says it would run on the same project and environment, as
 * `<cwd>: <command>` (the CLI's lines "dbnd-cfg run:   in <cwd>: <command>"), tags unstamped.
 */
function cliDryRunCommands(dir: string, env: string, task: string): Promise<string[]> {
  const cli = repoPath('dist', 'cli', 'dbnd-cfg.js');
  const args = [cli, 'run', '--env', env, '--task', task, '--dry-run'];
  // In desktop VS Code the extension host's executable is Electron: run it as node.
  const childEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { cwd: dir, env: childEnv, timeout: 120_000 }, (err, _stdout, stderr) => {
      if (err) return reject(new Error(`dbnd-cfg run --dry-run failed: ${err.message}\n${stderr}`));
      const lines = stderr
        .split('\n')
        .flatMap((l) => /^dbnd-cfg run: +in (\S+): (docker .*)$/.exec(l)?.slice(1, 3).join(': ') ?? []);
      resolve(lines.map(unstamped));
    }),
  );
}

/** The index of the first mirror line matching `test`, failing with the channel's text when there is none. */
function indexOf(mirror: readonly string[], test: (line: string) => boolean, what: string): number {
  const i = mirror.findIndex(test);
  assert.ok(i >= 0, `no ${what} in the run's output channel:\n${mirror.join('\n')}`);
  return i;
}

suite('Databand: Run Task on Cluster builds and pushes the image', () => {
  test("the guide's configuration (empty container_tag, docker_build = True): build, push, the pod runs that image, its log after docker's output, cleanup", async function () {
    requireCluster(this);
    const dt = requireDockerTestbed(() => this.skip());
    if (!dt) return;
    this.timeout(300_000);
    const repository = uniqueRepository(dt.registry, 'dbnd-e2e-editor');
    const marker = `baked-${unique()}`;
    // Inside the workspace VS Code has open (a fresh copy of test/workspace), as a user's project would be.
    const dir = join(vscode.workspace.workspaceFolders![0].uri.fsPath, `guide-build-${unique()}`);
    writeGuideProject(dir, repository, dt.baseImage, marker);
    const api = await testbedApi();
    let podName = '';
    try {
      const started = Date.now();
      const finished = await vscode.commands.executeCommand<FinishedRun | undefined>('databand.runTaskOnCluster', {
        uri: vscode.Uri.file(join(dir, 'project.cfg')).toString(),
        folder: dir,
        env: 'kubernetes_cluster_env',
        task: 'hello',
        set: [],
        confirm: 'submit',
      });
      const ended = Date.now();
      assert.ok(finished, 'the command returned no run (the build or the preparation failed: see its notification)');
      podName = finished.result.attempt.podName;
      const mirror = finished.log.mirror;
      assert.equal(finished.result.outcome, 'succeeded', `${finished.result.message}\n${mirror.join('\n')}`);

      // pushed: the registry has exactly dbnd's build tag, stamped with the run's start (UTC, to the second)
      const tags = await registryTags(repository);
      assert.equal(tags.length, 1, `tags of ${repository}: ${JSON.stringify(tags)}\n${mirror.join('\n')}`);
      assert.ok(stampedWithin(tags[0], started, ended), `tag ${tags[0]} is not dbnd_build_<start of the run>`);
      const image = `${repository}:${tags[0]}`;

      // built by dbnd's commands, their output in the run's channel, then the pod's log, line for line
      const [build, push] = imageBuildCommands({ image, push: true, dbndHome: dir }, dir);
      const buildAt = indexOf(
        mirror,
        (l) => l.includes(`running docker build command: \`${commandText(build)}\``),
        'build',
      );
      const outputAt = indexOf(mirror, (l) => l.startsWith('[databand] docker build | '), "docker build's output");
      const pushAt = indexOf(
        mirror,
        (l) => l.includes(`running docker push command: \`${commandText(push)}\``),
        'push',
      );
      const logAt = indexOf(mirror, (l) => !l.startsWith('[databand] '), "the pod's log");
      // the same plan as the CLI's for the same project: the commands its --dry-run says it would run, where
      const ran = mirror.flatMap(
        (l) => /^\[databand\] running docker \w+ command: `(.*)` \(in (.*)\)$/.exec(l)?.slice(1, 3) ?? [],
      );
      const editorCommands = [`${ran[1]}: ${ran[0]}`, `${ran[3]}: ${ran[2]}`].map(unstamped);
      assert.deepEqual(await cliDryRunCommands(dir, 'kubernetes_cluster_env', 'hello'), editorCommands);
      assert.ok(buildAt < outputAt && outputAt < pushAt && pushAt < logAt, mirror.join('\n'));
      assert.deepEqual(
        mirror.filter((l) => !l.startsWith('[databand] ')),
        guideRunOutput(marker),
      );
      assert.equal(finished.log.logLines, guideRunOutput(marker).length);

      // the pod ran that image, pulled from the registry by the testbed's containerd
      const { found } = await waitForPodEvent(podName, 'Pulled');
      assert.match(found.message, new RegExp(`^Successfully pulled image "${image.replace(/\./g, '\\.')}"`));

      // cleaned up: the pod is gone or going, none left or kept
      assert.deepEqual(finished.result.leftPods, []);
      assert.deepEqual(finished.result.keptPods, []);
      const pod = await api.readPod(podName);
      assert.ok(
        pod === null || pod.metadata?.deletionTimestamp,
        `pod ${podName} still exists and is not being deleted`,
      );
    } finally {
      // keep_failed_pods = True in the guide: a failed run's pod is kept, and must not outlive the test
      if (podName && (await api.readPod(podName).catch(() => null)))
        await api.deletePod(podName, { gracePeriodSeconds: 0 }).catch(() => undefined);
      for (const tag of await registryTags(repository).catch(() => []))
        await docker(['rmi', '-f', `${repository}:${tag}`]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
