// pod_yaml merge rules (docs/dbnd-rules.md §3.8) on small templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPod } from '../../../server/src/core/pod/renderPod';
import type { EngineValues, RenderedPod } from '../../../server/src/core/pod/types';
import type { DbndResult } from '../../../server/src/core/result';
import { context, engine } from './engineFixture';
import type { JsonObject } from '../../../server/src/core/json';

function renderWith(template: string, e: EngineValues = engine({ pod_yaml: '/t.yaml' })): DbndResult<RenderedPod> {
  return renderPod(e, context(), { readTemplate: (p) => (p === '/t.yaml' ? template : undefined) });
}

function pod(template: string, e?: EngineValues): JsonObject {
  const r = renderWith(template, e);
  assert.ok(r.ok, r.ok ? '' : `${r.error.type}: ${r.error.message}`);
  return r.value.pod;
}

const spec = (p: JsonObject) => p.spec as JsonObject;
const base = (p: JsonObject) => (spec(p).containers as JsonObject[])[0];

test('the packaged template gives apiVersion, kind and restartPolicy', () => {
  const r = renderPod(engine(), context(), { readTemplate: () => undefined });
  assert.ok(r.ok);
  assert.equal(r.value.pod.apiVersion, 'v1');
  assert.equal(r.value.pod.kind, 'Pod');
  assert.equal(spec(r.value.pod).restartPolicy, 'Never');
});

test('a template without kind/apiVersion gives a pod without them (dbnd sets neither)', () => {
  const p = pod('spec:\n  containers:\n  - name: x\n');
  assert.equal(p.apiVersion, undefined);
  assert.equal(p.kind, undefined);
  assert.equal(base(p).name, 'base');
});

test("an empty template or a non-mapping leaves dbnd's pod as it is", () => {
  for (const text of ['', '# nothing', '- a list']) {
    const p = pod(text);
    assert.deepEqual(Object.keys(spec(p)).sort(), [
      'affinity',
      'containers',
      'hostNetwork',
      'imagePullSecrets',
      'nodeSelector',
      'tolerations',
    ]);
  }
});

test('falsy dbnd values let the template through; truthy ones win', () => {
  const text =
    'spec:\n  hostNetwork: true\n  serviceAccountName: tmpl\n  nodeSelector: {a: b}\n  affinity: {}\n  containers:\n  - name: c\n';
  const p = pod(text, engine({ pod_yaml: '/t.yaml', service_account_name: 'mine' }));
  assert.equal(spec(p).hostNetwork, true);
  assert.equal(spec(p).serviceAccountName, 'mine');
  assert.deepEqual(spec(p).nodeSelector, { a: 'b' });
  assert.deepEqual(spec(p).affinity, {});
});

test('an empty securityContext in the template is a model, so it survives as {}', () => {
  const p = pod('spec:\n  securityContext: {}\n  containers:\n  - name: c\n');
  assert.deepEqual(spec(p).securityContext, {});
});

test('container 0: env/envFrom/volumeMounts/ports prepended, resources lost, args and other gaps filled', () => {
  const text = [
    'spec:',
    '  containers:',
    '  - name: main',
    '    image: ignored',
    '    args: [x]',
    '    workingDir: /w',
    '    env: [{name: T, value: "1"}]',
    '    ports: [{containerPort: 80}]',
    '    resources: {limits: {memory: 1Gi}}',
    '  - name: side',
    '    image: s',
  ].join('\n');
  const p = pod(text, engine({ pod_yaml: '/t.yaml', configmaps: ['cm'], env_vars: { MINE: 'v' } }));
  const c = base(p);
  assert.deepEqual(c.args, ['x']);
  assert.equal(c.workingDir, '/w');
  assert.equal(c.image, 'r.example.com/app:t1');
  assert.deepEqual((c.env as JsonObject[])[0], { name: 'T', value: '1' });
  assert.deepEqual((c.env as JsonObject[]).at(-1), { name: 'MINE', value: 'v' });
  assert.deepEqual(c.ports, [{ containerPort: 80 }]);
  assert.deepEqual(c.resources, { limits: {}, requests: {} });
  assert.deepEqual(c.envFrom, [{ configMapRef: { name: 'cm' } }]);
  assert.deepEqual((spec(p).containers as JsonObject[])[1], { image: 's', name: 'side' });
});

test('template volumes and initContainers come first; labels merge with dbnd winning', () => {
  const text =
    'metadata:\n  labels: {app: etl, dbnd: x, n: 5}\nspec:\n  volumes: [{name: t, emptyDir: {}}]\n  containers:\n  - name: c\n';
  const p = pod(text, engine({ pod_yaml: '/t.yaml', volumes: [{ name: 'mine', emptyDir: {} }] }));
  assert.deepEqual(spec(p).volumes, [
    { name: 't', emptyDir: {} },
    { name: 'mine', emptyDir: {} },
  ]);
  const labels = (p.metadata as JsonObject).labels as JsonObject;
  assert.equal(labels.app, 'etl');
  assert.equal(labels.dbnd, 'task-run-executor');
  // dict(str, str): the client deserializer str()-s template label values.
  assert.equal(labels.n, '5');
});

test('unknown template keys are dropped; primitives are converted by the declared type', () => {
  const p = pod('spec:\n  bogus: 1\n  priority: "7"\n  dnsPolicy: 5\n  containers:\n  - name: c\n    stdin: "no"\n');
  assert.equal(spec(p).bogus, undefined);
  assert.equal(spec(p).priority, 7);
  assert.equal(spec(p).dnsPolicy, '5');
  // PyYAML reads `"no"` as a string; bool("no") is True.
  assert.equal(base(p).stdin, true);
});

test('template errors are the ones the client raises', () => {
  const noName = renderWith('spec:\n  containers:\n  - image: x\n');
  assert.deepEqual(noName.ok ? null : noName.error, {
    type: 'ValueError',
    message: 'Invalid value for `name`, must not be `None`',
  });
  const noContainers = renderWith('spec:\n  restartPolicy: Never\n');
  assert.deepEqual(noContainers.ok ? null : noContainers.error, {
    type: 'ValueError',
    message: 'Invalid value for `containers`, must not be `None`',
  });
  const missing = renderPod(engine({ pod_yaml: '/nope.yaml' }), context(), { readTemplate: () => undefined });
  assert.deepEqual(missing.ok ? null : missing.error, {
    type: 'FileNotFoundError',
    message: "[Errno 2] No such file or directory: '/nope.yaml'",
  });
});
