// Runs on the real Kubernetes testbed with the Docker testbed: an image pushed to `registry.testbed` is pulled by
// the testbed's containerd over plain http, and the guide's configuration (test/workspace: empty container_tag,
// docker_build = True) runs end to end from the CLI as dbnd runs it: build, push, the pod with that image, its
// log, cleanup (issue 16 §1; docs/dbnd-rules.md §3.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCluster, type KubeApi } from '../../server/src/runIo';
import { livePodsOfRun, moduleRun } from './support/moduleRun';
import { makeProject, requireTestbed, runCli } from './support/testbed';
import { docker, podEvents, registryTags, requireDockerTestbed, uniqueRepository } from './support/dockerTestbed';

const defaultApi = () =>
  openCluster({
    inCluster: false,
    configFile: null,
    context: null,
    clusterContext: null,
    namespace: 'default',
    env: process.env,
  });

/** Polls the pod's events until the kubelet has reported `reason` (events are recorded asynchronously). */
async function waitForEvent(pod: string, reason: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const events = await podEvents(pod, 'default');
    const found = events.find((e) => e.reason === reason);
    if (found) return { found, events };
    if (Date.now() > until) assert.fail(`no ${reason} event for pod ${pod}; events: ${JSON.stringify(events)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A Dockerfile FROM the testbed's busybox base that bakes `marker` into /baked.txt, so a pod proves its image. */
const dockerfile = (base: string, marker: string) =>
  [`FROM ${base}`, 'COPY . /project', `RUN echo ${marker} > /baked.txt`, ''].join('\n');

async function deletePodsOfRun(api: KubeApi, runUid: string) {
  if (!runUid) return;
  for (const name of await livePodsOfRun(api, runUid)) await api.deletePod(name, { gracePeriodSeconds: 0 });
}

test('module: a pod whose image was pushed to registry.testbed is pulled over plain http and runs', async (t) => {
  const tb = requireTestbed(t);
  const dt = requireDockerTestbed(t);
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
    const { found } = await waitForEvent(podName, 'Pulled');
    assert.match(found.message, new RegExp(`^Successfully pulled image "${image}"`));
    assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
  } finally {
    await docker(['rmi', '-f', image]);
    rmSync(context, { recursive: true, force: true });
  }
});

/** The guide's configuration (test/workspace) in a temp DBND_HOME, with what the testbed needs laid over it. */
function guideProject(repository: string, base: string, marker: string): string {
  const system = readFileSync('test/workspace/.dbnd/databand-system.cfg', 'utf8');
  // The point of the test: the guide leaves the tag empty and lets dbnd build. If the workspace changes, say so.
  assert.match(system, /^container_tag =[ \t]*$/m, 'test/workspace no longer has an empty container_tag');
  assert.match(system, /^docker_build = True$/m, 'test/workspace no longer has docker_build = True');
  const dir = mkdtempSync(join(tmpdir(), 'dbnd-guide-build-'));
  cpSync('test/workspace/.dbnd', join(dir, '.dbnd'), { recursive: true });
  const header = '[your_kubernetes_engine]\n';
  const project = readFileSync('test/workspace/project.cfg', 'utf8');
  assert.ok(project.includes(header), 'test/workspace/project.cfg has no [your_kubernetes_engine] section');
  const overrides = [
    `container_repository = ${repository}`,
    // the testbed's kubeconfig context and namespace instead of the guide's databand_context / databand
    'cluster_context = testbed',
    'namespace = default',
    // the guide's secret databand-secret does not exist on the testbed
    'secrets = []',
    // busybox stands in for dbnd: the driver command's own arguments become ignored positional parameters
    'dbnd_executable = ["sh", "-c", "cat /baked.txt; echo driver-ran", "sh"]',
  ];
  writeFileSync(join(dir, 'project.cfg'), project.replace(header, header + overrides.join('\n') + '\n'));
  writeFileSync(join(dir, 'Dockerfile'), dockerfile(base, marker));
  return dir;
}

/** `dbnd_build_<UTC %Y%m%d_%H%M%S>` → epoch ms, or NaN. */
function buildTagTime(tag: string): number {
  const m = /^dbnd_build_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})$/.exec(tag);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : NaN;
}

test("CLI: the guide's configuration (empty container_tag, docker_build = True) builds, pushes, runs that image and cleans up", async (t) => {
  const tb = requireTestbed(t);
  const dt = requireDockerTestbed(t);
  if (!tb || !dt) return;
  const repository = uniqueRepository(dt.registry, 'dbnd-e2e');
  const marker = `baked-${randomBytes(4).toString('hex')}`;
  const dir = guideProject(repository, dt.baseImage, marker);
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
    const stamp = buildTagTime(tags[0]);
    assert.ok(
      stamp >= Math.floor(started / 1000) * 1000 && stamp <= ended,
      `tag ${tags[0]} is not dbnd_build_<start of the run>`,
    );
    image = `${repository}:${tags[0]}`;

    // built: the daemon has the image, FROM the testbed's base (its label is inherited)
    const inspect = await docker(['image', 'inspect', '-f', '{{index .Config.Labels "testbed.recipe"}}', image]);
    assert.equal(inspect.code, 0, `docker image inspect ${image}: ${inspect.stderr}`);
    assert.notEqual(inspect.stdout.trim(), '', `${image} is not built FROM ${dt.baseImage}`);

    // the pod ran that image, pulled from the registry by the testbed's containerd, and its log arrived
    const podName = /submitted pod (\S+)/.exec(r.stderr)?.[1] ?? '';
    assert.ok(podName, r.stderr);
    const { found } = await waitForEvent(podName, 'Pulled');
    assert.match(found.message, new RegExp(`^Successfully pulled image "${image}"`));
    await waitForEvent(podName, 'Started');
    assert.deepEqual(r.stdout.split('\n').slice(0, -1), [marker, 'driver-ran']);

    // cleaned up: no pod of the run is left
    assert.deepEqual(await livePodsOfRun(api, runUid), []);
  } finally {
    await deletePodsOfRun(api, runUid);
    for (const tag of await registryTags(repository).catch(() => []))
      await docker(['rmi', '-f', `${repository}:${tag}`]);
    rmSync(dir, { recursive: true, force: true });
  }
});
