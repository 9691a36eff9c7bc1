// The container env of the `base` container (build_pod's env_vars dict), docs/dbnd-rules.md §3.4. Built as a Python dict:
// `env_vars` and the spawn env are dict updates, so a key that already exists keeps its place in the order.
import type { EngineValues, PodRenderContext } from './types';
import { type DbndResult, fail, ok } from '../result';
import { isJsonObject, type Json } from '../json';
import { pyStr, pyTruthy, pyTypeName } from '../python';

/** dbnd_run.airflow.compat.dbnd_task_runner, set because the oracle (and any current install) runs Airflow 2. */
const AIRFLOW2_TASK_RUNNER = 'dbnd_run.airflow.compat.dbnd_task_runner.DbndStandardTaskRunner';

/** `DBND__<ENGINE>__<PARAM>`: the variable dbnd reads back for this engine's parameter. */
export function engineEnvKey(engineName: string, param: string): string {
  return `DBND__${engineName.toUpperCase()}__${param.toUpperCase()}`;
}

/** The image string dbnd builds: `<container_repository>:<container_tag>` with Python str(). */
export function fullImage(engine: EngineValues): string {
  return `${pyStr(engine.container_repository ?? null)}:${pyStr(engine.container_tag ?? null)}`;
}

export function buildEnvVars(
  engine: EngineValues,
  ctx: PodRenderContext,
  podName: string,
): DbndResult<Map<string, Json>> {
  const namespace = engine.namespace ?? null;
  const env = new Map<string, Json>();
  env.set('DBND__POD_NAME', podName);
  env.set('DBND__POD_NAMESPACE', namespace);
  env.set('DBND_USER', ctx.user);
  env.set('DBND__ENV_IMAGE', fullImage(engine));
  env.set('DBND_ENV', ctx.envName);
  env.set('DBND__ENV_MACHINE', `${podName} at ${pyStr(namespace)}`);
  env.set('AIRFLOW__CORE__TASK_RUNNER', AIRFLOW2_TASK_RUNNER);
  if (pyTruthy(engine.auto_remove)) env.set('DBND__AUTO_REMOVE_POD', 'True');
  env.set(engineEnvKey(engine.engineName, 'in_cluster'), 'True');
  env.set('AIRFLOW__KUBERNETES__IN_CLUSTER', 'True');
  env.set('DBND__RUN_INFO__SOURCE_VERSION', ctx.sourceVersion);
  env.set('AIRFLOW__KUBERNETES__DAGS_IN_IMAGE', 'True');
  // "let's explicitly disable tracking"
  env.set('DBND__TRACKING', 'False');
  // "we want that all next runs will be able to use the image that we have in our configuration": the driver
  // inside the pod reads these back and skips the docker build.
  env.set(engineEnvKey(engine.engineName, 'container_repository'), pyStr(engine.container_repository ?? null));
  env.set(engineEnvKey(engine.engineName, 'container_tag'), pyStr(engine.container_tag ?? null));

  const envVars = engine.env_vars ?? null;
  if (!isJsonObject(envVars)) {
    return fail('TypeError', `'${pyTypeName(envVars)}' object is not iterable`);
  }
  // Values are not stringified: a number in env_vars reaches the request as a JSON number.
  for (const [k, v] of Object.entries(envVars)) env.set(k, v);
  for (const [k, v] of Object.entries(ctx.spawnEnv)) env.set(k, v);
  return ok(env);
}

/** V1EnvVar(name, value) serialized: a None value drops the `value` key. */
export function envVarEntries(env: ReadonlyMap<string, Json>): Json[] {
  return [...env].map(([name, value]): Json => (value === null ? { name } : { name, value }));
}
