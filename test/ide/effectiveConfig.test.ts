// The effective config of a project (ide/effectiveConfig): the env and engine objects dbnd builds, every value
// with where it comes from, the warnings dbnd logs, and its error with the line that causes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveConfig } from '../../server/src/ide/effectiveConfig';
import { projectOf, uriOf } from '../support/fixture';

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
namespace = dev
`;
const PROJECT = '[my_engine]\nnamespace = prod\n';
const line = (text: string, prefix: string) => text.split('\n').findIndex((l) => l.startsWith(prefix));

test('the default environment and its engine, every value with the files and lines that decide it', () => {
  const result = effectiveConfig(projectOf({ 'databand-system.cfg': SYSTEM, 'project.cfg': PROJECT }), {});
  assert.equal(result.error, null);
  assert.deepEqual([result.env, result.engine], ['k8s_env', 'my_engine']);
  assert.deepEqual(
    result.objects.map((o) => [o.role, o.name, o.className]),
    [
      ['env', 'k8s_env', 'LocalEnvConfig'],
      ['engine', 'my_engine', 'KubernetesEngineConfig'],
    ],
  );
  const params = result.objects[1].params;
  const namespace = params.find((p) => p.name === 'namespace')!;
  assert.equal(namespace.value, 'prod');
  assert.deepEqual(namespace.from, [
    {
      text: '/proj/project.cfg:2',
      location: {
        path: '/proj/project.cfg',
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 16 } },
      },
    },
  ]);
  assert.deepEqual(params.find((p) => p.name === 'debug')!.from, [{ text: 'code default' }]);
  assert.deepEqual(result.files, [uriOf('databand-system.cfg'), uriOf('project.cfg')]);
});

test('an engine section asked for instead of the environment’s, in the environment asked for', () => {
  const analysis = projectOf({
    'databand-system.cfg': `${SYSTEM}[other_engine]\n_type = kubernetes\ncontainer_repository = o\n`,
  });
  const result = effectiveConfig(analysis, { env: 'local', engine: 'other_engine' });
  assert.deepEqual([result.env, result.engine], ['local', 'other_engine']);
  assert.deepEqual(
    result.objects.map((o) => o.name),
    ['local', 'other_engine'],
  );
});

test("dbnd's error stops at the engine, with the line of the value; the env object is still shown", () => {
  const text = `${SYSTEM}docker_build = maybe\n`;
  const result = effectiveConfig(projectOf({ 'databand-system.cfg': text }), {});
  assert.equal(result.error?.stage, 'engine');
  assert.equal(result.error?.type, 'DatabandBuildError');
  assert.match(result.error?.message ?? '', /docker_build/);
  assert.equal(result.error?.location?.path, '/proj/databand-system.cfg');
  assert.equal(result.error?.location?.range.start.line, line(text, 'docker_build'));
  assert.deepEqual(
    result.objects.map((o) => o.role),
    ['env'],
  );
});

test('an unknown key is a warning in dbnd’s words', () => {
  const result = effectiveConfig(projectOf({ 'databand-system.cfg': `${SYSTEM}namespac = typo\n` }), {});
  assert.equal(result.error, null);
  assert.ok(
    result.warnings.some((w) => w.includes('namespac')),
    result.warnings.join('\n'),
  );
});
