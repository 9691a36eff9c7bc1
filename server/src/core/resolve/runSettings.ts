// Entering the dbnd context (the "env" stage): the [databand], [core] and [run] settings objects, the env
// name checked against `[run] environments`, and the env object itself. The engine name comes from the env.
import type { ConfigLayer } from '../config/configLayers';
import type { ValueOrigin } from '../config/configValue';
import { classByFamily } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import type { ValueParseContext } from '../values/parseValue';
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import { type ConfigObject, buildConfigObject } from './buildConfigObject';
import { buildNamedObject } from './buildNamedObject';
import { objectSections } from './sectionList';
import { pyRepr } from '../python';
import { type ConfFile, type ReadConfFile, pushContextConf } from './contextConf';

export interface RunSettings {
  /** The stack after the context started: the input one plus the `[databand]conf` layers (contextConf.ts). */
  readonly layer: ConfigLayer;
  /** The `[databand] conf_file` files dbnd read, in order. */
  readonly confFiles: readonly ConfFile[];
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

/**
 * Where an unknown env name comes from: the `[databand] env` line that names it; when the name comes from the
 * command line or a variable, the `[run] environments` line that does not list it.
 */
function unknownEnvCause(system: ConfigObject, run: ConfigObject): ValueOrigin | undefined {
  const chosen = system.params.get('env')?.origins.at(-1);
  const listed = run.params.get('environments')?.origins.at(-1);
  if (chosen?.kind === 'file' || listed?.kind !== 'file') return chosen ?? listed;
  return listed;
}

export function resolveRunSettings(
  base: ConfigLayer,
  parse: Parse,
  readConfFile?: ReadConfFile,
): DbndResult<RunSettings, BuildError> {
  const settings: ConfigObject[] = [];
  // DatabandSystemConfig comes first, from the files, variables and command line: its env, conf and conf_file
  // are read before the `[databand]conf` layers exist (docs/dbnd-rules.md §1.5).
  const systemBuild = buildSettings('databand', base, parse);
  if (systemBuild && !systemBuild.ok) return systemBuild;
  if (systemBuild) settings.push(systemBuild.value);
  const context = systemBuild ? pushContextConf(base, systemBuild.value, readConfFile) : undefined;
  if (context && !context.ok) return context;
  const layer = context ? context.value.layer : base;
  for (const family of ['core', 'run']) {
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
      origin: unknownEnvCause(system, run),
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
    layer,
    confFiles: context ? context.value.files : [],
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
