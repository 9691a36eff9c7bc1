// Rules of build_pod that the conformance corpus touches only once or not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trapScript } from '../../../server/src/core/pod/command';
import { renderPod } from '../../../server/src/core/pod/renderPod';
import type { RenderedPod } from '../../../server/src/core/pod/types';
import type { DbndResult } from '../../../server/src/core/result';
import { context, engine } from './engineFixture';
import type { Json, JsonObject } from '../../../server/src/core/json';
import { pyStrFormat } from '../../../server/src/core/python';

const io = { readTemplate: () => undefined };

function render(overrides: Record<string, Json>, ctx = context()): DbndResult<RenderedPod> {
  return renderPod(engine(overrides), ctx, io);
}

function errorOf(r: DbndResult<RenderedPod>) {
  return r.ok ? null : r.error;
}

const container = (r: DbndResult<RenderedPod>) =>
  ((r.ok ? (r.value.pod.spec as JsonObject).containers : []) as JsonObject[])[0];

test('secret items: env+key, env without key, volume; system secrets first', () => {
  const r = render({
    system_secrets: [{ type: 'volume', target: '/sys', secret: 's0' }],
    secrets: [
      { type: 'env', target: 'lower', secret: 's1', key: 'k' },
      { type: 'env', secret: 's2' },
      { type: 'volume', target: '/v', secret: 's3', items: [{ key: 'a', path: 'b' }] },
    ],
  });
  assert.ok(r.ok);
  assert.deepEqual(r.value.secretVolumeNames, [
    'secretvol00000000-0000-0000-0000-000000000001',
    'secretvol00000000-0000-0000-0000-000000000002',
  ]);
  const c = container(r);
  assert.deepEqual((c.env as JsonObject[]).at(-1), {
    name: 'LOWER',
    valueFrom: { secretKeyRef: { key: 'k', name: 's1' } },
  });
  assert.deepEqual(c.envFrom, [{ secretRef: { name: 's2' } }]);
  assert.deepEqual(c.volumeMounts, [
    { mountPath: '/sys', name: 'secretvol00000000-0000-0000-0000-000000000001', readOnly: true },
    { mountPath: '/v', name: 'secretvol00000000-0000-0000-0000-000000000002', readOnly: true },
  ]);
  const noSystem = renderPod(
    engine({ system_secrets: [{ type: 'env', secret: 'x' }] }),
    context({ includeSystemSecrets: false }),
    io,
  );
  assert.ok(noSystem.ok);
  assert.deepEqual(container(noSystem).envFrom, []);
});

test("bad secret items raise Airflow's exceptions before any volume is named", () => {
  assert.deepEqual(errorOf(render({ secrets: [{ type: 'file', target: '/x', secret: 's' }] })), {
    type: 'AirflowConfigException',
    message: 'deploy_type must be env or volume',
  });
  assert.deepEqual(errorOf(render({ secrets: [{ type: 'env', secret: 's', key: 'k' }] })), {
    type: 'AirflowConfigException',
    message: 'If `key` is set, `deploy_target` should not be None',
  });
  assert.deepEqual(errorOf(render({ secrets: [{ type: 'volume', secret: 's' }] })), {
    type: 'ValueError',
    message: 'Invalid value for `mount_path`, must not be `None`',
  });
});

test('env_vars override a built-in in place, the spawn env cannot be overridden, None drops the value', () => {
  const r = render(
    { env_vars: { DBND__POD_NAMESPACE: 'x', ROOT: 'mine', N: 1, E: null } },
    context({ spawnEnv: { ROOT: 'spawn' } }),
  );
  const env = container(r).env as JsonObject[];
  assert.deepEqual(env[1], { name: 'DBND__POD_NAMESPACE', value: 'x' });
  assert.deepEqual(env.slice(-3), [{ name: 'ROOT', value: 'spawn' }, { name: 'N', value: 1 }, { name: 'E' }]);
});

test('no container tag: build_pod refuses', () => {
  assert.equal(errorOf(render({ container_tag: null }))?.type, 'DatabandConfigError');
});

test('resources: explicit keys override the dict entries, falsy ones are dropped', () => {
  const r = render({
    limits: { cpu: '1', 'nvidia.com/gpu': 1 },
    limit_cpu: '2',
    limit_memory: '',
    requests: null,
    request_memory: '1Gi',
  });
  assert.deepEqual(container(r).resources, { limits: { cpu: '2', 'nvidia.com/gpu': 1 }, requests: { memory: '1Gi' } });
});

test('volumes: unknown or mis-cased top-level keys are rejected like the shim does', () => {
  assert.deepEqual(errorOf(render({ volumes: [{ name: 'v', downwardAPI: {} }] })), {
    type: 'AttributeError',
    message: 'k8s.V1Volume does not have attribute downwardAPI',
  });
  const r = render({
    volumes: [{ name: 'v', persistentVolumeClaim: { claimName: 'c' }, emptyDir: null }],
    volume_mounts: [{ name: 'v', mountPath: '/m', extra: 1 }],
  });
  assert.ok(r.ok);
  assert.deepEqual((r.value.pod.spec as JsonObject).volumes, [
    { name: 'v', persistentVolumeClaim: { claimName: 'c' } },
  ]);
  assert.deepEqual(container(r).volumeMounts, [{ mountPath: '/m', name: 'v' }]);
});

test('trap script: formatted then dedented, so a multi-line command keeps the indentation', () => {
  assert.equal(trapScript('/t/f', ['a', 'b c']), '\ntrap "touch /t/f" EXIT\na "b c"\n');
  const indent = ' '.repeat(16);
  assert.equal(trapScript('/t/f', ['a\nb']), `\n${indent}trap "touch /t/f" EXIT\n${indent}a\nb\n`);
});

test('debug_with_command that shlex cannot split is its ValueError', () => {
  assert.deepEqual(errorOf(render({ debug_with_command: "bash -c 'x" })), {
    type: 'ValueError',
    message: 'No closing quotation',
  });
});

test('live logs without a trap file fail like os.path.dirname(None)', () => {
  assert.equal(errorOf(render({ airflow_log_enabled: true, trap_exit_file_flag: null }))?.type, 'TypeError');
  assert.deepEqual(
    errorOf(render({ airflow_log_enabled: true, trap_exit_file_flag: '/t/x', airflow_log_port: 'http' })),
    {
      type: 'ValueError',
      message: "invalid literal for int() with base 10: 'http'",
    },
  );
});

test('external links use str.format; a template Python cannot format gives no link', () => {
  const r = render(
    { dashboard_url: 'https://d/{namespace}/{pod}?x={{y}}', pod_log_url: 'https://l/{pod}/{unknown}' },
    context({ now: '2024-05-01T10:00:00' }),
  );
  assert.ok(r.ok);
  assert.deepEqual(r.value.externalLinks, { k8s_dashboard: 'https://d/default/dbnd.my-task.my-task.6a8330cc?x={y}' });
  assert.equal(pyStrFormat('{timestamp}|{pod!r}|{pod:>5}', { timestamp: 't', pod: 'p' }), "t|'p'|    p");
  assert.equal(pyStrFormat('a}b', {}), undefined);
});

test("labels: config labels override the caller's, not dbnd's; values are str()-ed and cleaned", () => {
  const r = render(
    { labels: { task_id: 'Mine_X', dbnd: 'no', flag: true, n: 0.5 } },
    context({ labels: { task_id: 'airflow', try_number: '1' } }),
  );
  assert.ok(r.ok);
  const labels = (r.value.pod.metadata as JsonObject).labels as JsonObject;
  assert.equal(labels.task_id, 'mine-x');
  assert.equal(labels.dbnd, 'task-run-executor');
  assert.equal(labels.flag, 'true');
  assert.equal(labels.n, '0.5');
});
