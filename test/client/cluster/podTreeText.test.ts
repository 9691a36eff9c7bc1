// The words of the Databand Pods view: a pod's state as kubectl says it (Terminating once deletionTimestamp is set),
// runs named by task, env and start time instead of their uid, and the status line after the watch reconnects.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KubePod } from '../../../server/src/runIo';
import {
  emptyText,
  failureText,
  messageAfter,
  podState,
  podText,
  runText,
  startedText,
} from '../../../client/src/cluster/podTreeText';

function pod(extra: {
  name?: string;
  phase?: string;
  waiting?: string;
  deleting?: boolean;
  labels?: Record<string, string>;
  created?: string;
  command?: string[];
}): KubePod {
  return {
    metadata: {
      name: extra.name ?? 'dbnd.docker-run-task.dbnd-driver-run.6a8330cc',
      labels: extra.labels ?? {},
      creationTimestamp: extra.created ?? null,
      deletionTimestamp: extra.deleting ? '2026-12-06T21:00:00Z' : null,
    },
    spec: { containers: [{ name: 'base', image: 'x:1', command: extra.command } as { name: string; image: string }] },
    status: {
      phase: extra.phase ?? 'Running',
      containerStatuses: extra.waiting
        ? [{ name: 'base', image: 'x:1', state: { waiting: { reason: extra.waiting } } }]
        : [],
    },
  };
}

test('a pod with deletionTimestamp is Terminating, as kubectl says, not Running', () => {
  assert.equal(podState(pod({ phase: 'Running' })), 'Running');
  assert.equal(podState(pod({ phase: 'Running', deleting: true })), 'Terminating');
  const text = podText(pod({ phase: 'Running', deleting: true }));
  assert.equal(text.description, 'Terminating');
  assert.match(text.tooltip, /phase: Running \(being deleted\)/);
  assert.equal(text.icon, 'trash');
});

test('the description is the short state (what kubectl shows); phase and details are in the tooltip', () => {
  const waiting = podText(pod({ phase: 'Pending', waiting: 'ContainerCreating', labels: { try_number: '2' } }));
  assert.equal(waiting.description, 'ContainerCreating · try 2');
  assert.match(waiting.tooltip, /phase: Pending\ndetail: ContainerCreating\ntry: 2/);
  const pulling = podText(pod({ phase: 'Pending', waiting: 'ErrImagePull' }));
  assert.equal(pulling.description, 'ErrImagePull');
  assert.equal(pulling.failed, true);
  assert.match(pulling.tooltip, /dbnd's reason key: err_image_pull/);
});

test("a run is named by the driver's task and env and its start time; the uid is only in the tooltip", () => {
  const uid = '1f0c2b9e-aaaa-bbbb-cccc-123456789abc';
  const created = '2026-12-06T12:03:04Z';
  const driver = pod({
    labels: { dbnd: 'dbnd-system-task-run', dbnd_run_uid: uid },
    created,
    command: ['dbnd', 'run', 'prepare_data', '--env', 'kubernetes_cluster_env', '--run-driver', uid, '--set', 'a.b=c'],
  });
  const text = runText(uid, [driver], new Date(created));
  assert.equal(text.label, 'prepare_data · kubernetes_cluster_env');
  assert.equal(text.description, `${startedText(created, new Date(created))} · 1 pod`);
  assert.match(text.description, /^\d\d:\d\d:\d\d · 1 pod$/);
  assert.doesNotMatch(text.label + text.description, /1f0c2b9e/);
  assert.match(text.tooltip, new RegExp(`run uid \\(label dbnd_run_uid\\): ${uid}`));
});

test('a run without its driver is named by its task family; with nothing known, by a short uid', () => {
  const task = pod({ labels: { dbnd: 'task-run-executor', dbnd_task_family: 'm.p.prepare-data' } });
  assert.equal(runText('u', [task], new Date()).label, 'm.p.prepare-data');
  assert.equal(runText('1234567890abcdef', [pod({})], new Date()).label, 'run 12345678');
});

test('a start time of another day shows its date', () => {
  assert.match(startedText('2026-01-02T12:00:00Z', new Date('2026-12-06T12:00:00Z')), /^2026-01-0[12] \d\d:\d\d:\d\d$/);
});

test('"Reconnecting" is cleared when a watch stream opens again, not only after a re-list', () => {
  let message: string | undefined = messageAfter(
    { kind: 'reconnecting', error: 'cannot reach the API server', delayMs: 5000 },
    undefined,
  );
  assert.equal(message, 'Reconnecting: cannot reach the API server');
  message = messageAfter({ kind: 'watching', resourceVersion: '12' }, message);
  assert.equal(message, undefined);
  // Another message (e.g. "Listing dbnd pods…") is not the watch's to clear.
  assert.equal(messageAfter({ kind: 'watching', resourceVersion: '12' }, 'Listing'), 'Listing');
  assert.equal(messageAfter({ kind: 'synced', resourceVersion: '1', pods: 0 }, 'Listing'), undefined);
});

test('the empty view says where it looked', () => {
  assert.match(emptyText('kind-dbnd', 'databand'), /^No dbnd pods in kind-dbnd \/ databand\./);
});

test('Show Failure Reason answers with dbnd\'s reason for a pod in ImagePullBackOff, not "has not failed"', () => {
  const backOff = pod({ name: 'p', phase: 'Pending', waiting: 'ImagePullBackOff' });
  const text = failureText(backOff);
  assert.match(text, /^p: Failed to start Kubernetes pod because the configured image \(x:1\) could not be pulled/);
  assert.match(text, /dbnd's reason key is "err_image_pull"/);
  assert.equal(podText(backOff).failed, true);
  assert.equal(podText(backOff).description, 'ImagePullBackOff');
  assert.equal(failureText(pod({ name: 'q', phase: 'Running' })), 'q has not failed (Running).');
});
