// Runs on the real Kubernetes testbed with the Docker testbed: an image pushed to `registry.testbed` is pulled by
// the testbed's containerd over plain http, and the guide's configuration (test/workspace: empty container_tag,
// docker_build = True) runs end to end from the CLI as dbnd runs it: build, push, the pod with that image, its
// log, cleanup (issue 16 §1; docs/dbnd-rules.md §3.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCluster, type KubeApi } from '../../server/src/runIo';
import { livePodsOfRun, moduleRun } from './support/moduleRun';
import { makeProject, requireTestbed, runCli } from './support/testbed';
import {
  docker,
  dockerfile,
  guideRunOutput,
  registryTags,
  requireDockerTestbed,
  stampedWithin,
  uniqueRepository,
  waitForPodEvent,
  writeGuideProject,
} from '../support/dockerTestbed';

const defaultApi = () =>
  openCluster({
    inCluster: false,
    configFile: null,
    context: null,
    clusterContext: null,
    namespace: 'default',
    env: process.env,
  });

async function deletePodsOfRun(api: KubeApi, runUid: string) {
  if (!runUid) return;
  for (const name of await livePodsOfRun(api, runUid)) await api.deletePod(name, { gracePeriodSeconds: 0 });
}

test('module: a pod whose image was pushed to registry.testbed is pulled over plain http and runs', async (t) => {
  const tb = requireTestbed(t);
  const dt = requireDockerTestbed((reason) => t.skip(reason));
  if (!tb || !dt) return;
  const repository = uniqueRepository(dt.registry, 'dbnd-pull');
  const image = `${repository}:1`;
  const marker = `pulled-${randomBytes(4).toString('hex')}`;
  const context = mkdtempSync(join(tmpdir(), 'dbnd-pull-'));
  try {
    writeFileSync(join(context, 'Dockerfile'), dockerfile(dt.baseImage, marker));
    const built = await docker(['build', '-t', image, '.'], context);
    assert.equal(built.code, 0, built.stderr);
    const pushed = await docker(['push', image]);
    assert.equal(pushed.code, 0, pushed.stderr);
    assert.deepEqual(await registryTags(repository), ['1']);

    const run = await moduleRun(
      makeProject([`container_repository = ${repository}`, `debug_with_command = sh -c 'cat /baked.txt'`]),
    );
    assert.equal(run.result.outcome, 'succeeded', run.result.message);
    assert.deepEqual(
      run.lines.map((l) => l.text),
      [marker],
    );
    const submitted = run.events.find((e) => e.kind === 'submitted');
    const podName = submitted?.kind === 'submitted' ? submitted.podName : '';
    assert.ok(podName, 'no submitted event');
    const { found } = await waitForPodEvent(podName, 'Pulled');
    assert.match(found.message, new RegExp(`^Successfully pulled image "${image}"`));
    assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
  } finally {
    await docker(['rmi', '-f', image]);
    rmSync(context, { recursive: true, force: true });
  }
});

test("CLI: the guide's configuration (empty container_tag, docker_build = True) builds, pushes, runs that image and cleans up", async (t) => {
  const tb = requireTestbed(t);
  const dt = requireDockerTestbed((reason) => t.skip(reason));
  if (!tb || !dt) return;
  const repository = uniqueRepository(dt.registry, 'dbnd-e2e');
  const marker = `baked-${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-guide-build-'));
  writeGuideProject(dir, repository, dt.baseImage, marker);
  const api = await defaultApi();
  let runUid = '';
  let image = '';
  try {
    const started = Date.now();
    const r = await runCli(['run', '--task', 'hello'], { cwd: dir, timeoutMs: 300_000 });
    const ended = Date.now();
    runUid = /run ([0-9a-f-]{36})/.exec(r.stderr)?.[1] ?? '';
    assert.equal(r.code, 0, r.stderr);

    // pushed: the registry has exactly the tag of dbnd's rule, stamped with the run's start (UTC, to the second)
    const tags = await registryTags(repository);
    assert.equal(tags.length, 1, `tags of ${repository}: ${JSON.stringify(tags)}\n${r.stderr}`);
    assert.ok(stampedWithin(tags[0], started, ended), `tag ${tags[0]} is not dbnd_build_<start of the run>`);
    image = `${repository}:${tags[0]}`;

    // built: the daemon has the image, FROM the testbed's base (its label is inherited)
    const inspect = await docker(['image', 'inspect', '-f', '{{index .Config.Labels "testbed.recipe"}}', image]);
    assert.equal(inspect.code, 0, `docker image inspect ${image}: ${inspect.stderr}`);
    assert.notEqual(inspect.stdout.trim(), '', `${image} is not built FROM ${dt.baseImage}`);

    // the pod ran that image, pulled from the registry by the testbed's containerd, and its log arrived
    const podName = /submitted pod (\S+)/.exec(r.stderr)?.[1] ?? '';
    assert.ok(podName, r.stderr);
    const { found } = await waitForPodEvent(podName, 'Pulled');
    assert.match(found.message, new RegExp(`^Successfully pulled image "${image}"`));
    await waitForPodEvent(podName, 'Started');
    assert.deepEqual(r.stdout.split('\n').slice(0, -1), guideRunOutput(marker));

    // cleaned up: no pod of the run is left
    assert.deepEqual(await livePodsOfRun(api, runUid), []);
  } finally {
    await deletePodsOfRun(api, runUid);
    for (const tag of await registryTags(repository).catch(() => []))
      await docker(['rmi', '-f', `${repository}:${tag}`]);
    rmSync(dir, { recursive: true, force: true });
  }
});
