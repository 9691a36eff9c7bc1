// The environments of a project (ide/environments): `[run] environments` in order with the engine each uses,
// the default environment, the section header, and dbnd's errors — per environment, or for the whole project
// when its files cannot be read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analysis } from '../../server/src/ide/analysis';
import { projectRun } from '../../server/src/ide/dbndRun';
import { environments } from '../../server/src/ide/environments';
import { projectOf, uriOf } from '../support/fixture';

const SYSTEM = `
[run]
environments = ['local', 'K8s_Env', 'broken_env']
[k8s_env]
_from = local
remote_engine = my_engine
[my_engine]
_type = kubernetes
container_repository = r
[broken_env]
_from = local
remote_engine = bad_engine
[bad_engine]
_type = kubernetes
container_repository = r
docker_build = maybe
`;

test('every environment of [run] environments, in order, with its engine, class and section header', () => {
  const result = environments(projectOf({ 'databand-system.cfg': SYSTEM, 'project.cfg': '[K8S_ENV]\n' }));
  assert.equal(result.error, null);
  assert.deepEqual(
    result.environments.map((e) => [e.name, e.engine, e.engineClass, e.kubernetes]),
    [
      ['local', 'local_machine_engine', 'LocalMachineEngineConfig', false],
      ['K8s_Env', 'my_engine', 'KubernetesEngineConfig', true],
      ['broken_env', 'bad_engine', null, false],
    ],
  );
  // The header in the last file that declares the section, whatever its case: that file's keys win.
  assert.deepEqual(result.environments[1].location, {
    path: '/proj/project.cfg',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } },
  });
  assert.equal(result.environments[0].location, undefined, '[local] is only in the packaged defaults');
  assert.deepEqual(result.files, [uriOf('databand-system.cfg'), uriOf('project.cfg')]);
});

test("an environment dbnd cannot build the engine of carries dbnd's error with the line that causes it", () => {
  const result = environments(projectOf({ 'databand-system.cfg': SYSTEM }));
  const broken = result.environments[2];
  assert.equal(broken.error?.stage, 'engine');
  assert.equal(broken.error?.type, 'DatabandBuildError');
  assert.match(broken.error?.message ?? '', /docker_build/);
  assert.equal(broken.error?.location?.path, '/proj/databand-system.cfg');
  assert.equal(broken.error?.location?.range.start.line, SYSTEM.split('\n').indexOf('docker_build = maybe'));
  assert.equal(result.environments[1].error, undefined);
});

test('the default environment: the editor setting, else [databand] env, else local', () => {
  const withEnv = projectOf({ 'databand-system.cfg': `${SYSTEM}[databand]\nenv = k8s_env\n` });
  assert.equal(environments(withEnv).defaultEnv, 'k8s_env');
  assert.equal(
    environments(new Analysis({ ...withEnv.snapshot, environmentName: 'broken_env' })).defaultEnv,
    'broken_env',
  );
  assert.equal(environments(projectOf({ 'databand-system.cfg': SYSTEM })).defaultEnv, 'local');
});

test('files dbnd cannot read: the load error at its line, no environments', () => {
  const text = "[run]\nenvironments = ['local']\n[broken\n";
  const result = environments(projectOf({ 'project.cfg': text }));
  assert.deepEqual(result.environments, []);
  assert.equal(result.error?.stage, 'load');
  assert.equal(result.error?.location?.path, '/proj/project.cfg');
  assert.equal(result.error?.location?.range.start.line, 2);
  assert.equal(result.defaultEnv, 'local');
});

test('the answer is computed once per snapshot, and each environment is the same run the other views use', () => {
  const analysis = projectOf({ 'databand-system.cfg': SYSTEM });
  const first = environments(analysis);
  assert.equal(environments(analysis), first);
  assert.equal(projectRun(analysis, 'K8s_Env').settings?.engineName, 'my_engine');
  const again = new Analysis(analysis.snapshot);
  assert.notEqual(environments(again), first, 'a new snapshot computes its own answer');
  assert.deepEqual(environments(again), first);
});
