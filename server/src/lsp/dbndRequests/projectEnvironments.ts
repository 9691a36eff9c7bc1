// `[databand] env` and `[run] environments` of a loaded configuration, read even when entering the default
// environment fails (the picker must still offer the others).
import type { ConfigLayer } from '../../core/config/configLayers';
import { buildSettings } from '../../core/resolve/runSettings';
import type { ValueParseContext } from '../../core/values/parseValue';

export interface ProjectEnvironments {
  readonly defaultEnv: string;
  readonly environments: readonly string[];
}

/** `override`: the project's `databand.defaultEnvironment` setting, which takes the place of `--env`. */
export function projectEnvironments(
  layer: ConfigLayer,
  parse: ValueParseContext,
  override: string | undefined,
): ProjectEnvironments {
  const system = buildSettings('databand', layer, parse);
  const run = buildSettings('run', layer, parse);
  const env = system?.ok ? system.value.params.get('env')?.value : undefined;
  const list = run?.ok ? run.value.params.get('environments')?.value : undefined;
  return {
    defaultEnv: override ?? (typeof env === 'string' && env ? env : 'local'),
    environments: Array.isArray(list) ? list.filter((e): e is string => typeof e === 'string') : [],
  };
}
