// The run API as its callers use it: a request in, each stage's result (or dbnd's failure) out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Json } from '../../../server/src/core/json';
import { PLACEHOLDER_VALUES, type RunRequest, renderContext, runDbnd } from '../../../server/src/core/run';

const CFG = `[run]
environments = ['local', 'k8s_env']

[k8s_env]
_from = local
remote_engine = k8s_engine

[k8s_engine]
_type = kubernetes
container_repository = repo
container_tag = v1
namespace = ns
`;

const ENVIRONMENT = { DBND_HOME: '/home/me/project', HOME: '/home/me', USER: 'me' };

function request(extra: Partial<RunRequest> = {}): RunRequest {
  return {
    files: [{ path: '/home/me/project/project.cfg', text: CFG }],
    environment: ENVIRONMENT,
    envName: 'k8s_env',
    ...extra,
  };
}

test('the driver pod runs `dbnd run <args> --run-driver <uid> --set …` and flags the placeholders', () => {
  const result = runDbnd(
    request({ render: renderContext({ mode: 'driver', taskArgs: ['prepare_data'] }, ENVIRONMENT) }),
  );
  assert.equal(result.failure, null);
  assert.deepEqual(result.submission?.args, [
    'dbnd',
    'run',
    'prepare_data',
    '--run-driver',
    PLACEHOLDER_VALUES.runUid,
    '--set',
    `run.run_result_json_path=/home/me/project/data/dbnd/log/1970-01-01/1970-01-01T000000.000000_prepare_data_run/${PLACEHOLDER_VALUES.resultFileUuid}.json`,
    '--set',
    'run_info.execution_date=1970-01-01T000000.000000',
  ]);
  const fields = result.placeholders.map((p) => p.field).sort();
  // container_tag is set, so no build time is stamped anywhere.
  assert.deepEqual(fields, [
    'executionDate',
    'resultFileUuid',
    'runFolderName',
    'runUid',
    'sourceVersion',
    'taskRunAttemptUid',
    'taskRunUid',
    'trackerUrl',
  ]);
});

test('[run_info] user and source_version reach the pod as dbnd renders them, and are then no placeholders', () => {
  const envValue = (r: ReturnType<typeof runDbnd>, name: string) => {
    const containers = (r.pod?.pod.spec as { containers: { env: { name: string; value?: string }[] }[] }).containers;
    return containers[0].env.find((e) => e.name === name)?.value;
  };
  const render = renderContext({ mode: 'driver', taskArgs: ['prepare_data'] }, {});
  const unset = runDbnd(request({ render }));
  assert.equal(envValue(unset, 'DBND_USER'), '');
  assert.ok(unset.placeholders.some((p) => p.field === 'user'));
  assert.ok(unset.placeholders.some((p) => p.field === 'sourceVersion'));
  const files = [
    { path: '/home/me/project/project.cfg', text: `${CFG}[run_info]\nuser = alice\nsource_version = 1.2.3\n` },
  ];
  const set = runDbnd(request({ files, render }));
  assert.equal(envValue(set, 'DBND_USER'), 'alice');
  assert.equal(envValue(set, 'DBND__RUN_INFO__SOURCE_VERSION'), '1.2.3');
  assert.ok(!set.placeholders.some((p) => p.field === 'user' || p.field === 'sourceVersion'));
  // The default 'git' (and the other VersionStr aliases) only the real run resolves: still a placeholder.
  const git = runDbnd(
    request({ files: [{ path: files[0].path, text: `${CFG}[run_info]\nsource_version = git\n` }], render }),
  );
  assert.ok(git.placeholders.some((p) => p.field === 'sourceVersion'));
});

test('given values are not placeholders', () => {
  const uid = '6a8330cc-1111-2222-3333-444455556666';
  const ctx = renderContext(
    {
      mode: 'driver',
      taskArgs: ['t'],
      runUid: uid,
      taskRunUid: uid,
      taskRunAttemptUid: uid,
      trackerUrl: 'u',
      executionDate: '2024-01-01T000000.000000',
      sourceVersion: 'abc123',
    },
    ENVIRONMENT,
  );
  const result = runDbnd(request({ render: ctx }));
  assert.deepEqual(result.placeholders.map((p) => p.field).sort(), ['resultFileUuid', 'runFolderName']);
});

test('an env whose engine is not Kubernetes submits no pod, and says so instead of failing', () => {
  const result = runDbnd(request({ envName: 'local', render: renderContext({ mode: 'driver' }, ENVIRONMENT) }));
  assert.equal(result.failure, null);
  assert.equal(result.pod, null);
  assert.match(
    result.noPod ?? '',
    /^the env 'local' submits no pod: its engine 'local_machine_engine' is a LocalMachineEngineConfig/,
  );
});

test('--set accepts the JSON form dbnd accepts, with the section in the name or as an object', () => {
  for (const arg of [
    '{"k8s_engine.namespace": "other"}',
    '{"k8s_engine": {"namespace": "other"}}',
    'k8s_engine.namespace=other',
  ]) {
    const result = runDbnd(request({ set: [arg] }));
    assert.equal(result.engine?.params.get('namespace')?.value, 'other', arg);
    assert.equal(result.engine?.params.get('namespace')?.source, '--set', arg);
  }
});

test("a --set argument dbnd cannot read fails the load with dbnd's exception", () => {
  const cases: [string, string][] = [
    ['{"namespace": {"x": 1}, "k8s_engine": 3}', 'DatabandConfigError'],
    ['[1, 2]', 'AttributeError'],
    ['{bad', 'HjsonDecodeError'],
    ['  ', 'IndexError'],
  ];
  for (const [arg, type] of cases) {
    const result = runDbnd(request({ set: [arg] }));
    assert.equal(result.failure?.stage, 'load', arg);
    assert.equal(result.failure?.error.type, type, arg);
  }
});

test('task_config reaches the engine of `effective` and task pods, never the driver pod', () => {
  const taskConfig = { kubernetes: { namespace: 'from-task' } };
  const effective = runDbnd(request({ taskConfig }));
  assert.equal(effective.engine?.params.get('namespace')?.value, 'from-task');
  assert.equal(effective.engine?.params.get('namespace')?.source, 'task[task_config]');
  const task = runDbnd(
    request({ taskConfig, render: renderContext({ mode: 'task', taskName: 'prepare_data' }, ENVIRONMENT) }),
  );
  assert.equal((task.pod?.pod.metadata as { namespace: string }).namespace, 'from-task');
  const driver = runDbnd(request({ taskConfig, render: renderContext({ mode: 'driver' }, ENVIRONMENT) }));
  assert.equal((driver.pod?.pod.metadata as { namespace: string }).namespace, 'ns');
  assert.ok(driver.notes.some((n) => n.startsWith('task_config does not reach the driver pod')));
});

test('a task_config section that is not a mapping fails as dbnd does, without a crash', () => {
  const result = runDbnd(request({ taskConfig: { kubernetes: null } }));
  assert.deepEqual(result.failure, {
    stage: 'engine',
    error: { type: 'DatabandConfigError', message: "can't convert '{'kubernetes': None}' to configuration " },
  });
});

test('values nested deeper than dbnd can recurse end in RecursionError, not a JS stack overflow', () => {
  const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;
  const set = runDbnd(request({ set: [`{"kubernetes.labels": ${deep(10_000)}}`] }));
  assert.deepEqual([set.failure?.stage, set.failure?.error.type], ['load', 'RecursionError']);
  const labels = JSON.parse(deep(10_000)) as Json;
  const task = runDbnd(request({ taskConfig: { kubernetes: { labels } } }));
  assert.deepEqual([task.failure?.stage, task.failure?.error.type], ['engine', 'RecursionError']);
});

test('task mode: when the executor clone of the engine fails there is no engine object to report', () => {
  // `@@x` is `@x` after the first parse; the clone parses it again as a reference to the file `x`.
  const files = [{ path: '/home/me/project/project.cfg', text: `${CFG}cluster_context = @@nofile\n` }];
  const result = runDbnd(request({ files, taskConfig: { kubernetes: { limit_cpu: '1' } } }));
  assert.equal(result.failure?.stage, 'engine');
  assert.equal(result.engine, null);
  const runLevel = runDbnd(request({ files }));
  assert.equal(runLevel.failure, null);
  assert.equal(runLevel.engine?.params.get('cluster_context')?.value, '@nofile');
});
