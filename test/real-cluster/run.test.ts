// Runs on the real Kubernetes testbed: the lifecycle of a dbnd run (success, a failed driver that is not retried,
// image pull, deletion, keep_failed_pods, cancel) through the cluster module and the `dbnd-cfg run` CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openCluster } from '../../server/src/runIo';
import { expectedLines, livePodsOfRun, moduleRun, printLines } from './support/moduleRun';
import { makeProject, requireTestbed, runCli, TESTBED_TOKENS } from './support/testbed';

const runUidOf = (stderr: string) => /run ([0-9a-f-]{36})/.exec(stderr)?.[1] ?? '';

/** The testbed's current context and the namespace the tests use. */
const defaultApi = () =>
  openCluster({
    inCluster: false,
    configFile: null,
    context: null,
    clusterContext: null,
    namespace: 'default',
    env: process.env,
  });

function assertNoSecrets(...texts: string[]) {
  for (const text of texts)
    for (const token of TESTBED_TOKENS) assert.ok(!text.includes(token), `a token was printed: ${token}`);
}

test('CLI: a pod prints its lines, each once, succeeds and is deleted', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  const dir = makeProject([`debug_with_command = ${printLines(300)}`]);
  const r = await runCli(['run', '--env', 'tb', '--task', 'hello'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.split('\n').slice(0, -1), expectedLines(300));
  assert.match(r.stderr, /submitted pod dbnd\.docker-run-task\.dbnd-driver-run\.[0-9a-f]{8}\n/);
  assert.match(r.stderr, /deleted/);
  assertNoSecrets(r.stdout, r.stderr);
  const api = await defaultApi();
  assert.deepEqual(await livePodsOfRun(api, runUidOf(r.stderr)), []);
});

test('CLI: exit code 3 with a dict entry for "3": the driver is submitted once and the message says where the dict applies', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  const dir = makeProject([
    `debug_with_command = sh -c 'echo try; exit 3'`,
    'pod_error_cfg_source_dict = {"3": {"retry_count": 2, "retry_delay": "3m"}}',
  ]);
  const r = await runCli(['run', '--env', 'tb', '--task', 'hello'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(r.stdout.split('\n').slice(0, -1), ['try']);
  assert.equal(r.stderr.match(/submitted pod /g)?.length, 1, r.stderr);
  assert.doesNotMatch(r.stderr, /retrying/);
  assert.match(
    r.stderr,
    /failed: the container exited with code 3 \(Error\) \(reason "3"\)\. dbnd submits the driver pod once; pod_error_cfg_source_dict retries only the task pods the driver submits/,
  );
  const api = await defaultApi();
  assert.deepEqual(await livePodsOfRun(api, runUidOf(r.stderr)), []);
});

test("module: the driver pod is dbnd's (no try number) and keep_failed_pods keeps it", async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  const dir = makeProject([
    `debug_with_command = sh -c 'exit 7'`,
    'pod_error_cfg_source_dict = {"7": {"retry_count": 1}}',
    'keep_failed_pods = True',
  ]);
  const run = await moduleRun(dir);
  try {
    assert.equal(run.result.outcome, 'failed');
    assert.equal(run.result.reason, '7');
    const pods = (await run.api.listPods({ labelSelector: `dbnd_run_uid=${run.runUid}` })).items;
    assert.deepEqual(
      pods.map((p) => p.metadata?.name),
      [run.result.attempt.podName],
    );
    assert.match(run.result.attempt.podName, /^dbnd\.docker-run-task\.dbnd-driver-run\.[0-9a-f]{8}$/);
    assert.equal(pods[0].metadata?.labels?.try_number, undefined);
    assert.deepEqual(run.result.keptPods, [run.result.attempt.podName]);
    assert.equal(pods[0].status?.phase, 'Failed');
  } finally {
    for (const name of run.result.keptPods) await run.api.deletePod(name, { gracePeriodSeconds: 0 });
  }
});

test('module: a missing image ends with err_image_pull, the driver not retried', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  const dir = makeProject(['container_repository = 127.0.0.1/nothing']);
  const run = await moduleRun(dir);
  assert.equal(run.result.outcome, 'failed');
  assert.equal(run.result.cause, 'image-pull');
  assert.equal(run.result.reason, 'err_image_pull');
  assert.match(run.result.message, /could not be pulled/);
  assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
});

test('module: a pod deleted mid-run ends with err_pod_deleted', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  const dir = makeProject([`debug_with_command = sh -c 'echo started; sleep 60'`]);
  let deleted = false;
  const run = await moduleRun(dir, {
    onEvent: (e, api) => {
      if (e.kind === 'status' && e.phase === 'Running' && !deleted) {
        deleted = true;
        void api.deletePod(e.podName, { gracePeriodSeconds: 0 });
      }
    },
  });
  assert.ok(deleted);
  assert.equal(run.result.cause, 'pod-deleted');
  assert.equal(run.result.reason, 'err_pod_deleted');
});

test('module: keep_failed_pods keeps the failed pod; the default deletes it', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  const kept = await moduleRun(makeProject([`debug_with_command = sh -c 'exit 1'`, 'keep_failed_pods = True']));
  try {
    assert.equal(kept.result.reason, '1');
    assert.equal(kept.result.keptPods.length, 1);
    const pod = await kept.api.readPod(kept.result.keptPods[0]);
    assert.equal(pod?.status?.phase, 'Failed');
    assert.ok(
      kept.events.some((e) => e.kind === 'cleanup' && e.action === 'kept' && /keep_failed_pods=True/.test(e.message)),
    );
  } finally {
    for (const name of kept.result.keptPods) await kept.api.deletePod(name, { gracePeriodSeconds: 0 });
  }
  const deleted = await moduleRun(makeProject([`debug_with_command = sh -c 'exit 1'`]));
  assert.deepEqual(deleted.result.keptPods, []);
  assert.deepEqual(await livePodsOfRun(deleted.api, deleted.runUid), []);
});

test('CLI: Ctrl-C cancels the run and deletes the pod', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  const dir = makeProject([`debug_with_command = sh -c 'echo running; sleep 120'`]);
  let sent = false;
  const r = await runCli(['run', '--env', 'tb', '--task', 'hello'], {
    cwd: dir,
    onStderr: (soFar, child) => {
      if (!sent && /: Running/.test(soFar)) {
        sent = true;
        child.kill('SIGINT');
      }
    },
  });
  assert.ok(sent, r.stderr);
  assert.equal(r.code, 130, r.stderr);
  assert.match(r.stderr, /deleted/);
  const api = await defaultApi();
  assert.deepEqual(await livePodsOfRun(api, runUidOf(r.stderr)), []);
});
