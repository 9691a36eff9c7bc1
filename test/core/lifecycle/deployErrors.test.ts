import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDeployErrors } from '../../../server/src/core/lifecycle/deployErrors';
import type { PodJson } from '../../../server/src/core/lifecycle/podStatus';
import { parseCpuRequest, parseMemoryString } from '../../../server/src/core/lifecycle/resourceCapacity';

const shipped = {
  check_unschedulable_condition: true,
  check_image_pull_errors: true,
  check_cluster_resource_capacity: true,
};

function unschedulablePod(message: string): PodJson {
  return { status: { phase: 'Pending', conditions: [{ reason: 'Unschedulable', message }] } };
}

test("Unschedulable for taints raises dbnd's config error with the taints hint", () => {
  const check = checkDeployErrors(unschedulablePod('0/1 nodes are available: 1 node(s) had taints'), shipped);
  assert.equal(check.failure?.type, 'DatabandConfigError');
  assert.equal(
    check.failure?.message,
    "Failed to start Kubernetes pod because it couldn't be scheduled. Reason: 0/1 nodes are available: 1 node(s) had taints",
  );
  assert.match(check.failure?.helpMsg ?? '', /tolerations/);
});

test('Insufficient cpu only warns, unless the request can never fit the largest node', () => {
  const p = unschedulablePod('0/2 nodes are available: 2 Insufficient cpu.');
  assert.equal(checkDeployErrors(p, { ...shipped, request_cpu: '500m' }).failure, null);
  const nodes = [
    { name: 'small', capacity: { cpu: '2', memory: '4Gi' } },
    { name: 'big', capacity: { cpu: '4', memory: '16Gi' } },
  ];
  assert.equal(checkDeployErrors(p, { ...shipped, request_cpu: '3500m' }, { nodes }).failure, null);
  const tooBig = checkDeployErrors(p, { ...shipped, request_cpu: '8', request_memory: '32Gi' }, { nodes });
  assert.equal(tooBig.failure?.type, 'DatabandConfigError');
  assert.match(
    tooBig.failure?.helpMsg ?? '',
    /Configured request_cpu \(8\) is larger than the node with most CPUs in the cluster \(big with 4\)/,
  );
  assert.match(tooBig.failure?.helpMsg ?? '', /request_memory \(32Gi\)/);
  assert.equal(
    checkDeployErrors(p, { ...shipped, check_cluster_resource_capacity: false, request_cpu: '8' }, { nodes }).failure,
    null,
  );
});

test('a request dbnd cannot parse is a config error on its own', () => {
  const p = unschedulablePod('Insufficient memory');
  assert.equal(
    checkDeployErrors(p, { ...shipped, request_memory: '1024' }).failure?.message,
    'failed to parse request_memory: memory parse failed for 1024: suffix not recognized',
  );
  assert.equal(
    checkDeployErrors(p, { ...shipped, request_cpu: 'lots' }).failure?.message,
    "failed to parse request_cpu lots: could not convert string to float: 'lots'",
  );
});

test('memory and cpu parsing follow dbnd (ISO suffixes first, lower case accepted: 500m is 500M)', () => {
  assert.deepEqual(parseMemoryString('128Mi'), { ok: true, value: 128 * 2 ** 20 });
  assert.deepEqual(parseMemoryString('1G'), { ok: true, value: 1e9 });
  assert.deepEqual(parseMemoryString('500m'), { ok: true, value: 5e8 });
  assert.deepEqual(parseMemoryString(null), { ok: true, value: null });
  assert.deepEqual(parseCpuRequest('250m'), { ok: true, value: 0.25 });
  assert.deepEqual(parseCpuRequest('0.5'), { ok: true, value: 0.5 });
});

test('image pull errors need phase Pending and the switch', () => {
  const p: PodJson = {
    status: {
      phase: 'Pending',
      containerStatuses: [{ image: 'r/a:t', state: { waiting: { reason: 'ErrImagePull', message: 'not found' } } }],
    },
  };
  const check = checkDeployErrors(p, shipped);
  assert.equal(check.failure?.type, 'KubernetesImageNotFoundError');
  assert.equal(
    check.failure?.message,
    'Failed to start Kubernetes pod because the configured image (r/a:t) could not be pulled by Kubernetes: not found',
  );
  assert.equal(checkDeployErrors({ status: { ...p.status, phase: 'Running' } }, shipped).failure, null);
  assert.equal(checkDeployErrors(p, { ...shipped, check_image_pull_errors: false }).failure, null);
});

test('a missing secret is KubernetesPodConfigFailure; a pod without status is fine', () => {
  const p: PodJson = {
    status: {
      phase: 'Pending',
      containerStatuses: [
        { state: { waiting: { reason: 'CreateContainerConfigError', message: 'secret "db" not found' } } },
      ],
    },
  };
  const check = checkDeployErrors(p, shipped);
  assert.equal(check.failure?.type, 'KubernetesPodConfigFailure');
  assert.equal(
    check.failure?.helpMsg,
    'Check that the secret exsits in the cluster or remove it from the engine config',
  );
  assert.equal(checkDeployErrors(undefined, shipped).failure, null);
  assert.equal(checkDeployErrors({}, shipped).failure, null);
});
