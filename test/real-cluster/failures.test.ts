// Runs on the real Kubernetes testbed: the failure classes of a pod that cannot start or is taken away by the
// cluster (startup_timeout, Unschedulable, capacity above the largest node, the kubelet's eviction, the eviction
// API as a node drain uses it), each ended with dbnd's reason key and the pod cleaned up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { livePodsOfRun, moduleRun } from './support/moduleRun';
import { evictPod, makeProject, requireTestbed } from './support/testbed';

test('startup_timeout: a pod that stays Pending fails the run with no reason key and is deleted', async (t) => {
  if (!requireTestbed(t)) return;
  // More CPUs than the node has, with dbnd's capacity check off: the scheduler keeps the pod Pending for good.
  const run = await moduleRun(
    makeProject(['request_cpu = 64', 'check_cluster_resource_capacity = False', 'startup_timeout = 4s']),
  );
  assert.equal(run.result.outcome, 'failed');
  assert.equal(run.result.cause, 'startup-timeout');
  assert.equal(run.result.reason, null);
  assert.match(run.result.message, /stayed Pending longer than startup_timeout \(4 s\)/);
  // dbnd only warns about an Insufficient cpu condition while it waits.
  assert.ok(
    run.events.some((e) => e.kind === 'warning' && /pod is pending because .*Insufficient cpu/.test(e.message)),
    'the Insufficient cpu condition was reported as a warning',
  );
  assert.ok(run.events.some((e) => e.kind === 'cleanup' && e.action === 'deleted'));
  assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
});

test('Unschedulable (a nodeSelector no node has): dbnd\'s "couldn\'t be scheduled" error, no reason key, deleted', async (t) => {
  if (!requireTestbed(t)) return;
  const run = await moduleRun(
    makeProject([
      'node_selectors = {"disktype": "nvme"}',
      // The driver is never retried, whatever the dict says.
      'pod_error_cfg_source_dict = {"err_pod_deleted": {"retry_count": 3}}',
    ]),
  );
  assert.equal(run.result.outcome, 'failed');
  assert.equal(run.result.cause, 'unschedulable');
  assert.equal(run.result.reason, null);
  assert.match(
    run.result.message,
    /^Failed to start Kubernetes pod because it couldn't be scheduled\. Reason: 0\/1 nodes are available: 1 node\(s\) didn't match (node selector|Pod's node affinity)\./,
  );
  assert.match(run.result.message, /\(no reason key\)\. dbnd submits the driver pod once/);
  assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
});

test('request_cpu above the largest node: dbnd lists the nodes and fails with its capacity message', async (t) => {
  if (!requireTestbed(t)) return;
  const run = await moduleRun(makeProject(['request_cpu = 64', 'startup_timeout = 2m']));
  assert.equal(run.result.outcome, 'failed');
  assert.equal(run.result.cause, 'unschedulable');
  assert.equal(run.result.reason, null);
  assert.match(run.result.message, /couldn't be scheduled\. Reason: 0\/1 nodes are available: 1 Insufficient cpu\./);
  assert.match(
    run.result.message,
    /Configured request_cpu \(64\) is larger than the node with most CPUs in the cluster \(localhost with \d+\)\. Either lower the request_cpu/,
  );
  assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
});

test("the kubelet evicts a pod past its ephemeral-storage limit: the run fails as dbnd sees it ('Evicted')", async (t) => {
  if (!requireTestbed(t)) return;
  const run = await moduleRun(
    makeProject([
      'limits = {"ephemeral-storage": "2Mi"}',
      `debug_with_command = sh -c 'echo filling; head -c 8000000 /dev/zero > /fill; echo filled; sleep 3600'`,
    ]),
  );
  assert.equal(run.result.outcome, 'failed');
  assert.equal(run.result.cause, 'pod-failed');
  // No container exit code: dbnd finds no reason key for a real Evicted status.
  assert.equal(run.result.reason, null);
  const tried = run.result.attempt;
  assert.equal(tried.phase, 'Failed');
  assert.match(
    run.result.message,
    /^the pod failed: Evicted \(Pod ephemeral local storage usage exceeds .*\(no reason key\)\. dbnd submits the driver pod once/,
  );
  assert.deepEqual(
    run.lines.map((l) => l.text),
    ['filling', 'filled'],
  );
  assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
});

test('the eviction API (as a node drain uses it) ends the run with err_pod_deleted', async (t) => {
  const tb = requireTestbed(t);
  if (!tb) return;
  let evicted: Promise<number> | null = null;
  const run = await moduleRun(makeProject([`debug_with_command = sh -c 'echo started; sleep 120'`]), {
    onEvent: (e) => {
      if (!evicted && e.kind === 'status' && e.phase === 'Running') evicted = evictPod(e.podName, 'default');
    },
  });
  assert.ok(evicted, 'the pod was evicted');
  assert.equal(await evicted, 201);
  assert.equal(run.result.cause, 'pod-deleted');
  assert.equal(run.result.reason, 'err_pod_deleted');
  assert.deepEqual(await livePodsOfRun(run.api, run.runUid), []);
});
