// Lookups and dbnd's class resolution rules (docs/dbnd-rules.md §1.7) as far as the schema answers them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONFIG_SECTION,
  CORE_CONFIG,
  DATABAND_SYSTEM_CONFIG,
  DOCKER_ENGINE_CONFIG,
  ENV_CONFIG,
  KUBERNETES_ENGINE_CONFIG,
  LOCAL_ENV_CONFIG,
  LOCAL_MACHINE_ENGINE_CONFIG,
  RUN_CONFIG,
  TASK_SECTION,
  classByFamily,
  classByPath,
  classOfSection,
  importableClass,
  isExemptFromUnknownKeyCheck,
  isRequired,
  legacyKeyOf,
  obsoleteKey,
  knownUnmodelledSection,
  paramOf,
  registeredClass,
  specialKey,
} from '../../../server/src/core/schema';
import type { ConfigClassSchema } from '../../../server/src/core/schema';

const K8S_PATH = 'dbnd_docker.kubernetes.kubernetes_engine_config.KubernetesEngineConfig';

test('registered names are task families and exact full class paths', () => {
  assert.equal(registeredClass('kubernetes'), KUBERNETES_ENGINE_CONFIG);
  assert.equal(registeredClass(K8S_PATH), KUBERNETES_ENGINE_CONFIG);
  assert.equal(registeredClass('docker'), DOCKER_ENGINE_CONFIG);
  assert.equal(registeredClass('local'), LOCAL_ENV_CONFIG);
  assert.equal(registeredClass('env'), ENV_CONFIG);
  assert.equal(registeredClass('local_machine'), LOCAL_MACHINE_ENGINE_CONFIG);
  assert.equal(registeredClass('dbnd_run.run_settings.engine.LocalMachineEngineConfig'), LOCAL_MACHINE_ENGINE_CONFIG);
  assert.equal(registeredClass('run'), RUN_CONFIG);
});

test('registry lookups are exact: other spellings go through the sections (docs/dbnd-rules.md §1.7 steps 2-4)', () => {
  assert.equal(registeredClass('Kubernetes'), undefined);
  assert.equal(registeredClass(K8S_PATH.toLowerCase()), undefined);
  assert.equal(registeredClass('local_machine_engine'), undefined);
  assert.equal(registeredClass('kubernetess'), undefined);
});

test('[config] and [task] are sections, not classes one can build by name', () => {
  assert.equal(registeredClass('config'), undefined);
  assert.equal(registeredClass('task'), undefined);
  assert.equal(classOfSection('config'), CONFIG_SECTION);
  assert.equal(classOfSection('task'), TASK_SECTION);
});

test('plugins the oracle does not import are not registered or importable', () => {
  for (const name of ['gcp', 'aws', 'dbnd_gcp.env.GcpEnvConfig', 'dbnd_spark.spark_config.SparkConfig']) {
    assert.equal(registeredClass(name), undefined, name);
    assert.equal(importableClass(name), undefined, name);
  }
});

test('a dotted _type that names a modelled class imports; anything else does not', () => {
  assert.equal(importableClass(K8S_PATH), KUBERNETES_ENGINE_CONFIG);
  assert.equal(importableClass('dbnd_run.run_settings.env.LocalEnvConfig'), LOCAL_ENV_CONFIG);
  assert.equal(importableClass('kubernetes'), undefined);
  assert.equal(importableClass('dbnd_docker.kubernetes.kubernetes_engine_config.Nope'), undefined);
  assert.equal(importableClass('dbnd_run.task.task.Task'), undefined);
});

test('section lookups ignore case, as dbnd lower-cases section names', () => {
  assert.equal(classByPath(K8S_PATH.toLowerCase()), KUBERNETES_ENGINE_CONFIG);
  assert.equal(classByFamily('KUBERNETES'), KUBERNETES_ENGINE_CONFIG);
  assert.equal(classOfSection('dbnd_run.run_settings.env.localenvconfig'), LOCAL_ENV_CONFIG);
  assert.equal(classOfSection('my_engine'), undefined);
  assert.ok(knownUnmodelledSection('Run_Log'));
});

test('paramOf finds keys whatever their case', () => {
  assert.equal(paramOf(KUBERNETES_ENGINE_CONFIG, 'NameSpace')?.name, 'namespace');
  assert.equal(paramOf(KUBERNETES_ENGINE_CONFIG, 'network'), undefined);
  assert.equal(paramOf(DOCKER_ENGINE_CONFIG, 'network')?.type, 'str');
});

function requiredKeys(cls: ConfigClassSchema): string[] {
  return cls.params.filter((p) => isRequired(cls, p)).map((p) => p.name);
}

test('required keys: no code default and nothing shipped', () => {
  assert.deepEqual(requiredKeys(KUBERNETES_ENGINE_CONFIG), ['container_repository']);
  assert.deepEqual(requiredKeys(DOCKER_ENGINE_CONFIG), ['container_repository', 'api_version']);
  assert.deepEqual(requiredKeys(LOCAL_ENV_CONFIG), []);
  assert.deepEqual(requiredKeys(ENV_CONFIG), ['root']);
  assert.deepEqual(requiredKeys(RUN_CONFIG), []);
  assert.deepEqual(requiredKeys(CORE_CONFIG), []);
  assert.deepEqual(requiredKeys(DATABAND_SYSTEM_CONFIG), []);
  assert.deepEqual(requiredKeys(LOCAL_MACHINE_ENGINE_CONFIG), []);
});

test('the code default and the shipped value of validate_no_extra_params differ', () => {
  assert.equal(paramOf(KUBERNETES_ENGINE_CONFIG, 'validate_no_extra_params')?.default, 'disabled');
  assert.equal(paramOf(TASK_SECTION, 'validate_no_extra_params')?.default, 'error');
  assert.ok(CONFIG_SECTION.packageDefaultKeys.includes('validate_no_extra_params'));
});

test('legacy [core] keys point to their new place', () => {
  assert.equal(legacyKeyOf(CORE_CONFIG, 'Environments')?.movedTo, '[run] environments');
  assert.equal(paramOf(CORE_CONFIG, 'environments'), undefined);
  assert.ok(paramOf(RUN_CONFIG, 'environments'));
  assert.equal(legacyKeyOf(RUN_CONFIG, 'environments'), undefined);
});

test('obsolete keys name their replacement, for their class family only', () => {
  assert.equal(obsoleteKey('kubernetes', 'POD_RETRY_DELAY')?.replacement, 'pod_default_retry_delay');
  assert.equal(obsoleteKey('kubernetes', 'airflow_live_log_image')?.replacement, 'airflow_log_image');
  assert.equal(obsoleteKey('docker', 'pod_retry_delay'), undefined);
});

test('_type, _from and *__target keys are exempt from the unknown-key check', () => {
  assert.ok(isExemptFromUnknownKeyCheck('_TYPE'));
  assert.ok(isExemptFromUnknownKeyCheck('_from'));
  assert.ok(isExemptFromUnknownKeyCheck('my_input__target'));
  assert.ok(!isExemptFromUnknownKeyCheck('namespace'));
  assert.ok(specialKey('_type')?.docs.includes('family'));
  assert.equal(specialKey('type'), undefined);
});
