// The driver pod of `dbnd run --interactive` on a simulated cluster and a manual clock: ONE attempt, as dbnd
// makes it (KubernetesTaskRunCtrl.docker_run → run_pod raises and never retries; pod_error_cfg_source_dict applies
// only to the task pods the Airflow executor submits, docs/dbnd-rules.md §4.5). A failed driver ends the run with
// dbnd's reason key and a message that says where the dict applies; the pod is cleaned up as the keep flags say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRIVER_NOT_RETRIED } from '../../server/src/runIo';
import { simulateRun } from './support/simulatedRun';

test('exit code 3 with a dict entry for "3": one pod, no retry, the message says where the dict applies', async () => {
  const { result, events, cluster, clock } = await simulateRun(
    ['pod_default_retry_delay = 10s', 'pod_error_cfg_source_dict = {"3": {"retry_count": 2, "retry_delay": "3m"}}'],
    // A second ending is scripted so that a retry would be served and counted, not crash the simulation.
    [{ exitCode: 3 }, { exitCode: 0 }],
  );
  assert.equal(cluster.created.length, 1, 'the driver pod was submitted once');
  assert.equal(result.outcome, 'failed');
  assert.equal(result.cause, 'exit-code');
  assert.equal(result.reason, '3');
  assert.equal(result.message, `the container exited with code 3 (Error) (reason "3"). ${DRIVER_NOT_RETRIED}`);
  assert.match(result.message, /pod_error_cfg_source_dict retries only the task pods the driver submits/);
  assert.deepEqual(clock.sleeps, [], 'no retry delay was waited');
  assert.deepEqual(cluster.deleted, [result.attempt.podName], 'the failed pod was deleted (keep_failed_pods off)');
  assert.equal(result.attempt.cleanup, 'deleted');
  assert.deepEqual(
    events.map((e) => e.kind).filter((k) => k === 'submitted' || k === 'pod-ended'),
    ['submitted', 'pod-ended'],
  );
});

test("the driver pod is dbnd's: no try-number suffix or try_number label (those are the Airflow executor's)", async () => {
  const { result, cluster } = await simulateRun([], [{ exitCode: 0 }]);
  assert.equal(result.outcome, 'succeeded');
  assert.equal(result.reason, null);
  assert.equal(result.message, 'dbnd.docker-run-task.dbnd-driver-run.6a8330cc succeeded');
  const pod = cluster.created[0];
  assert.equal(pod.metadata?.name, 'dbnd.docker-run-task.dbnd-driver-run.6a8330cc');
  assert.equal(pod.metadata?.labels?.try_number, undefined);
  assert.equal(pod.metadata?.labels?.dbnd_run_uid, 'run-uid-1');
  assert.equal(pod.metadata?.labels?.dbnd_task_run_attempt_uid, 'attempt-1');
  assert.deepEqual(result.keptPods, []);
  assert.deepEqual(result.leftPods, []);
});

test('a failure with no reason key (an eviction) also ends at once and says where the dict applies', async () => {
  const evicted = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
  const { result, cluster } = await simulateRun(['pod_error_cfg_source_dict = {}'], [{ status: evicted }]);
  assert.equal(result.outcome, 'failed');
  assert.equal(result.cause, 'pod-failed');
  assert.equal(result.reason, null);
  assert.equal(
    result.message,
    `the pod failed: Evicted (The node was low on resource: memory.) (no reason key). ${DRIVER_NOT_RETRIED}`,
  );
  assert.equal(cluster.created.length, 1);
});

test('keep_failed_pods keeps the failed driver pod and names it', async () => {
  const { result, cluster } = await simulateRun(['keep_failed_pods = True'], [{ exitCode: 1 }]);
  assert.equal(result.reason, '1');
  assert.deepEqual(result.keptPods, [result.attempt.podName]);
  assert.equal(result.attempt.cleanup, 'kept');
  assert.deepEqual(cluster.deleted, []);
});

test('cancelled before the submission: no pod is created, nothing to clean up', async () => {
  const { result, cluster } = await simulateRun([], [{ exitCode: 0 }], { abortFirst: true });
  assert.equal(result.outcome, 'cancelled');
  assert.equal(cluster.created.length, 0);
  assert.equal(result.attempt.cleanup, null);
  assert.equal(result.message, 'no pod was created');
});

test('cancelled while the pod runs: the pod is deleted and the message says so, without a second "cancelled"', async () => {
  const running = { phase: 'Running', containerStatuses: [{ name: 'base', state: { running: {} } }] };
  const { result, cluster } = await simulateRun([], [{ status: running }], {
    onEvent: (e, abort) => e.kind === 'submitted' && abort(),
  });
  assert.equal(result.outcome, 'cancelled');
  assert.deepEqual(cluster.deleted, [result.attempt.podName]);
  assert.equal(result.message, `pod ${result.attempt.podName} deleted`);
  assert.doesNotMatch(result.message, /cancelled/);
});
