// A real submission carries real values: the plan prepareClusterRun makes (what the CLI and the editor submit)
// never holds a preview's placeholder (the all-zero uid, the 1970 build time or execution date) anywhere, and the
// driver's run_result_json_path names the run's own result file uuid under the real execution date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PLACEHOLDER_VALUES, prepareClusterRun, type ClusterRunIds } from '../../../server/src/core/run';

const CFG = `[run]
environments = ['local', 'k8s_env', 'k8s_build']

[k8s_env]
_from = local
remote_engine = k8s_engine

[k8s_engine]
_type = kubernetes
container_repository = repo
container_tag = v1
namespace = ns

[k8s_build]
_from = local
remote_engine = k8s_build_engine

[k8s_build_engine]
_type = kubernetes
container_repository = repo
container_tag =
docker_build = True
namespace = ns
`;

const IDS: ClusterRunIds = {
  runUid: '3f1c2b7e-1111-4a2b-9c3d-000000000001',
  taskRunUid: '7d2e4f60-2222-4b3c-8d4e-000000000002',
  taskRunAttemptUid: 'a1b2c3d4-3333-4c4d-9e5f-000000000003',
  resultFileUuid: 'c0ffee00-4444-4d5e-8f60-000000000004',
};
const NOW = Date.UTC(2026, 11, 6, 23, 4, 5, 678);

function plan(envName: string) {
  const prepared = prepareClusterRun({
    files: [{ path: '/home/me/project/project.cfg', text: CFG }],
    environment: { DBND_HOME: '/home/me/project', HOME: '/home/me', USER: 'me' },
    readFile: () => undefined,
    envName,
    task: 'my_task',
    set: ['run.name="a b"'],
    ids: IDS,
    now: NOW,
  });
  assert.ok(prepared.ok, prepared.ok ? '' : prepared.message);
  return prepared.plan;
}

const PLACEHOLDERS = [
  '00000000-0000-0000-0000-000000000000',
  PLACEHOLDER_VALUES.dockerBuildTime,
  PLACEHOLDER_VALUES.executionDate,
  PLACEHOLDER_VALUES.airflowExecutionDate,
  '19700101',
  '1970-01-01',
];

for (const env of ['k8s_env', 'k8s_build']) {
  test(`${env}: no placeholder value leaks into the submitted plan`, () => {
    const text = JSON.stringify(plan(env));
    for (const p of PLACEHOLDERS) assert.ok(!text.includes(p), `the plan holds the placeholder ${p}`);
  });
}

test("the driver's run_result_json_path names the run's result file uuid and the real execution date", () => {
  const p = plan('k8s_env');
  const command = (p.pod.spec as { containers: { command?: string[]; args?: string[] }[] }).containers[0];
  const argv = [...(command.command ?? []), ...(command.args ?? [])];
  const resultPath = argv.find((a) => a.startsWith('run.run_result_json_path='));
  assert.ok(resultPath, argv.join(' '));
  assert.match(
    resultPath,
    /\/log\/2026-12-06\/2026-12-06T230405\.678000_[^/]+\/c0ffee00-4444-4d5e-8f60-000000000004\.json$/,
  );
  assert.ok(argv.includes(IDS.runUid), '--run-driver names the run uid');
  assert.ok(argv.includes('run_info.execution_date=2026-12-06T230405.678000'));
});

test('the image dbnd builds is tagged with the real build time', () => {
  const build = plan('k8s_build').imageBuild;
  assert.ok(build);
  assert.match(build.image, /:dbnd_build_20261206_230405$/);
});
