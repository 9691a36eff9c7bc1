// Entering the dbnd context (the "env" stage): the [databand], [core] and [run] settings objects, the env
// name checked against `[run] environments`, and the env object itself. The engine name comes from the env.
import type { ConfigLayer } from '../config/configLayers';
import { classByFamily } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import type { ValueParseContext } from '../values/parseValue';
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import { type ConfigObject, buildConfigObject } from './buildConfigObject';
import { buildNamedObject } from './buildNamedObject';
import { objectSections } from './sectionList';
import { pyRepr } from '../python';

export interface RunSettings {
  readonly settings: readonly ConfigObject[];
  readonly run: ConfigObject;
  readonly envName: string;
  readonly env: ConfigObject;
  readonly remoteEngine: string | null;
  readonly localEngine: string | null;
  readonly submitDriver: boolean;
  readonly submitTasks: boolean;
  readonly interactive: boolean;
}

type Parse = ValueParseContext;

/** One settings object (`[databand]`, `[core]`, `[run]`), or undefined when its class is not modelled. */
export function buildSettings(
  family: string,
  layer: ConfigLayer,
  parse: Parse,
): DbndResult<ConfigObject, BuildError> | undefined {
  const cls: ConfigClassSchema | undefined = classByFamily(family);
  if (!cls) return undefined;
  return buildConfigObject({ name: family, cls, sections: objectSections(family, cls, []), layer, parse });
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function resolveRunSettings(layer: ConfigLayer, parse: Parse): DbndResult<RunSettings, BuildError> {
  const settings: ConfigObject[] = [];
  for (const family of ['databand', 'core', 'run']) {
    const obj = buildSettings(family, layer, parse);
    if (!obj) continue;
    if (!obj.ok) return obj;
    settings.push(obj.value);
  }
  const system = settings.find((s) => s.cls.family === 'databand');
  const run = settings.find((s) => s.cls.family === 'run');
  if (!system || !run) {
    return failWith({ type: 'DatabandConfigError', message: 'the [databand] and [run] settings are not modelled' });
  }
  const envName = String(system.params.get('env')?.value ?? 'local');
  const environments = run.params.get('environments')?.value;
  const enabled = Array.isArray(environments) ? environments : [];
  if (!enabled.includes(envName)) {
    return failWith({
      type: 'DatabandConfigError',
      message: `Unknown env name '${envName}', available environments are ${pyRepr(enabled)},  please enable it at '[core]environments' `,
      param: 'environments',
      origin: run.params.get('environments')?.origins.at(-1),
    });
  }
  const envBuild = buildNamedObject(envName, layer, parse);
  if (!envBuild.ok) return envBuild;
  const env = envBuild.value.object;
  if (env.cls.kind !== 'env') {
    return failWith({
      type: 'DatabandBuildError',
      message: `Task '${envName}' is of type ${env.cls.className}, expected an EnvConfig`,
    });
  }
  const runValue = (key: string) => run.params.get(key)?.value;
  const envValue = (key: string) => env.params.get(key)?.value;
  const pick = (key: string) => {
    const v = runValue(key);
    return v === null || v === undefined ? Boolean(envValue(key)) : Boolean(v);
  };
  return ok({
    settings,
    run,
    envName,
    env,
    remoteEngine: str(envValue('remote_engine')),
    localEngine: str(envValue('local_engine')),
    submitDriver: pick('submit_driver'),
    submitTasks: pick('submit_tasks'),
    interactive: Boolean(runValue('interactive')),
  });
}
