// The Pod spec of a project (ide/podSpec): the driver's pod, a task's pod with its task_config, and the
// answers without a pod (an engine that is not Kubernetes, dbnd's error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podSpec } from '../../server/src/ide/podSpec';
import { projectOf } from '../support/fixture';

const SYSTEM = `[databand]
env = k8s_env
[run]
environments = ['local', 'k8s_env']
[k8s_env]
_from = local
remote_engine = my_engine
[my_engine]
_type = kubernetes
container_repository = r
container_tag = v1
namespace = team
limit_memory = 2Gi
`;

interface Pod {
  kind: string;
  metadata: { namespace: string };
  spec: { containers: { resources: { limits?: Record<string, string> } }[] };
}

test('the driver pod of the default environment; the values only known at submission are listed', () => {
  const result = podSpec(projectOf({ 'databand-system.cfg': SYSTEM }), { mode: 'driver' });
  assert.equal(result.error, null);
  assert.equal(result.engine, 'my_engine');
  const pod = result.pod as unknown as Pod;
  assert.equal(pod.kind, 'Pod');
  assert.equal(pod.metadata.namespace, 'team');
  assert.equal(pod.spec.containers[0].resources.limits?.memory, '2Gi');
  assert.ok(result.placeholders.length > 0);
  assert.ok(
    result.placeholders.some((p) => JSON.stringify(pod).includes(p.value)),
    'the pod carries the stand-ins it lists',
  );
});

test('task_config changes a task pod, never the driver pod', () => {
  const analysis = projectOf({ 'databand-system.cfg': SYSTEM });
  const taskConfig = { kubernetes: { limit_memory: '3Gi' } };
  const task = podSpec(analysis, { mode: 'task', taskName: 'prepare_data', taskConfig });
  assert.equal(task.error, null, JSON.stringify(task.error));
  assert.equal((task.pod as unknown as Pod).spec.containers[0].resources.limits?.memory, '3Gi');
  const driver = podSpec(analysis, { mode: 'driver', taskConfig });
  assert.equal((driver.pod as unknown as Pod).spec.containers[0].resources.limits?.memory, '2Gi');
});

test('an environment whose engine is not Kubernetes has no pod, and says why', () => {
  const result = podSpec(projectOf({ 'databand-system.cfg': SYSTEM }), { env: 'local', mode: 'driver' });
  assert.equal(result.error, null);
  assert.equal(result.pod, null);
  assert.match(result.noPod ?? '', /only a Kubernetes engine/);
  assert.equal(result.env, 'local');
});

test("dbnd's error instead of a pod, at the line of the value", () => {
  const text = `${SYSTEM}docker_build = maybe\n`;
  const result = podSpec(projectOf({ 'databand-system.cfg': text }), { mode: 'driver' });
  assert.equal(result.pod, null);
  assert.equal(result.error?.stage, 'engine');
  assert.equal(result.error?.location?.range.start.line, text.split('\n').indexOf('docker_build = maybe'));
});
