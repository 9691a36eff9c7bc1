// Which config objects dbnd builds for this project: the environments enabled in `[run] environments` and the
// engines they name (`remote_engine`, `local_engine`). dbnd raises build errors lazily, only for objects it
// builds, so a problem in one of these sections is an error while the same problem elsewhere is only a warning.
import type { ConfigLayer } from '../config/configLayers';
import { resolveConfigClass } from '../resolve/classResolution';
import { fromChain, objectSections } from '../resolve/sectionList';
import { DATABAND_SYSTEM_CONFIG, RUN_CONFIG, paramOf } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import type { Environment } from '../environment';
import { parseParameterValue } from '../values/parseValue';

export interface EnabledObjects {
  /** `[run] environments` as dbnd parses it (empty when it does not parse). */
  readonly environments: readonly string[];
  /** The environment a plain `dbnd run` uses: `[databand] env`, `local` by default. */
  readonly selectedEnv: string;
  /** Lower-cased names of the enabled environments and of the engines they use. */
  readonly built: ReadonlySet<string>;
}

function settingValue(layer: ConfigLayer, cls: ConfigClassSchema, key: string, env: Environment): unknown {
  const stack = layer.lookup(objectSections(cls.family, cls, []), key);
  const raw = stack.at(-1)?.value;
  if (raw === undefined) return undefined;
  const param = paramOf(cls, key);
  if (!param) return raw;
  const parsed = parseParameterValue(raw, param, { env });
  return parsed.ok ? parsed.value : undefined;
}

/** The value of `key` for the object `name` of class `cls` (its own section, `_from` chain, family, `[config]`). */
export function objectValue(
  layer: ConfigLayer,
  name: string,
  cls: ConfigClassSchema,
  key: string,
  env: Environment,
): unknown {
  const chain = fromChain(name, layer, env);
  if (!chain.ok) return undefined;
  return layer.lookup(objectSections(name, cls, chain.value), key).at(-1)?.value;
}

export function enabledObjects(layer: ConfigLayer, env: Environment, selectedEnv?: string): EnabledObjects {
  const listed = settingValue(layer, RUN_CONFIG, 'environments', env);
  const environments = Array.isArray(listed) ? listed.map(String) : [];
  const selected = selectedEnv ?? String(settingValue(layer, DATABAND_SYSTEM_CONFIG, 'env', env) ?? 'local');
  const built = new Set<string>();
  for (const name of environments) {
    built.add(name.toLowerCase());
    const cls = resolveConfigClass(name, layer, env);
    if (!cls.ok || cls.value.kind !== 'env') continue;
    for (const key of ['remote_engine', 'local_engine']) {
      const engine = objectValue(layer, name, cls.value, key, env);
      if (typeof engine === 'string' && engine && !engine.startsWith('@')) built.add(engine.toLowerCase());
    }
  }
  return { environments, selectedEnv: selected, built };
}
