// One small pod per row of docs/dbnd-rules.md §4.4's reason table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  asPullFailure,
  classifyPodFailure,
  type PodFailureFacts,
} from '../../../server/src/core/lifecycle/failureReason';
import type { ContainerStatusJson, PodJson } from '../../../server/src/core/lifecycle/podStatus';

const facts: PodFailureFacts = { deleted: false, checkImagePullErrors: true };

function pod(phase: string, containerStatuses: ContainerStatusJson[] = [], extra: Partial<PodJson> = {}): PodJson {
  return { metadata: { name: 'p' }, status: { phase, containerStatuses }, ...extra };
}

const terminated = (name: string, exitCode: number | null, reason: string | null = 'Error'): ContainerStatusJson => ({
  name,
  state: { terminated: { exitCode, reason } },
});
const waiting = (reason: string): ContainerStatusJson => ({
  name: 'base',
  image: 'r/app:t',
  state: { waiting: { reason, message: 'm' } },
});

test('a pod that is gone, or has a deletionTimestamp, is err_pod_deleted', () => {
  assert.equal(classifyPodFailure(undefined, facts), 'err_pod_deleted');
  assert.equal(classifyPodFailure(pod('Failed'), { ...facts, deleted: true }), 'err_pod_deleted');
  assert.equal(
    classifyPodFailure(
      pod('Running', [], { metadata: { name: 'p', deletionTimestamp: '2024-01-01T00:00:00Z' } }),
      facts,
    ),
    'err_pod_deleted',
  );
});

test('Pending + ErrImagePull is err_image_pull; ImagePullBackOff is not; the switch turns it off', () => {
  assert.equal(classifyPodFailure(pod('Pending', [waiting('ErrImagePull')]), facts), 'err_image_pull');
  assert.equal(classifyPodFailure(pod('Pending', [waiting('ImagePullBackOff')]), facts), null);
  assert.equal(
    classifyPodFailure(pod('Pending', [waiting('ErrImagePull')]), { ...facts, checkImagePullErrors: false }),
    null,
  );
});

test('Pending + CreateContainerConfigError is err_config_error', () => {
  assert.equal(classifyPodFailure(pod('Pending', [waiting('CreateContainerConfigError')]), facts), 'err_config_error');
});

test('only container 0 is looked at for deploy errors', () => {
  const sidecarFirst: ContainerStatusJson = { name: 'side', state: { running: {} } };
  assert.equal(classifyPodFailure(pod('Pending', [sidecarFirst, waiting('ErrImagePull')]), facts), null);
});

test('an Unschedulable condition is checked first and swallowed: no reason even with an image pull error', () => {
  const p: PodJson = {
    status: {
      phase: 'Pending',
      conditions: [
        { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes: 3 node(s) had taints' },
      ],
      containerStatuses: [waiting('ErrImagePull')],
    },
  };
  assert.equal(classifyPodFailure(p, facts), null);
  assert.equal(classifyPodFailure(p, { ...facts, checkUnschedulableCondition: false }), 'err_image_pull');
});

test('exit codes: base is preferred, otherwise the last terminated container; str() of the code', () => {
  assert.equal(
    classifyPodFailure(pod('Failed', [terminated('base', 137, 'OOMKilled'), terminated('side', 1)]), facts),
    '137',
  );
  assert.equal(classifyPodFailure(pod('Failed', [terminated('a', 2), terminated('b', 255)]), facts), '255');
  assert.equal(
    classifyPodFailure(pod('Failed', [terminated('a', 2), terminated('base', 3), terminated('c', 4)]), facts),
    '3',
  );
  assert.equal(classifyPodFailure(pod('Failed', [terminated('base', 0, 'Completed')]), facts), '0');
  assert.equal(classifyPodFailure(pod('Failed', [terminated('base', 0, null)]), facts), null);
});

test('a real eviction (phase Failed, no exit code) gives no key', () => {
  const evicted: PodJson = { status: { phase: 'Failed', containerStatuses: [{ name: 'base', state: {} }] } };
  assert.equal(classifyPodFailure(evicted, facts), null);
});

test('err_pod_evicted only for a Succeeded pod whose Airflow task instance is not final', () => {
  assert.equal(classifyPodFailure(pod('Succeeded'), { ...facts, airflowTaskFinished: false }), 'err_pod_evicted');
  assert.equal(classifyPodFailure(pod('Succeeded'), { ...facts, airflowTaskFinished: true }), null);
  assert.equal(classifyPodFailure(pod('Succeeded'), facts), null);
});

test('a look between pull attempts (ImagePullBackOff) is judged as the ErrImagePull dbnd declared err_image_pull at', () => {
  const backOff = pod('Pending', [waiting('ImagePullBackOff')]);
  const judged = asPullFailure(backOff);
  assert.ok(judged);
  assert.equal(judged.status?.containerStatuses?.[0].state?.waiting?.reason, 'ErrImagePull');
  assert.equal(classifyPodFailure(judged, facts), 'err_image_pull');
  // The pod itself is left as it is; other pods are not pull failures.
  assert.equal(backOff.status?.containerStatuses?.[0].state?.waiting?.reason, 'ImagePullBackOff');
  assert.equal(asPullFailure(pod('Pending', [waiting('ContainerCreating')])), null);
  assert.equal(asPullFailure(pod('Running', [waiting('ImagePullBackOff')])), null);
});
