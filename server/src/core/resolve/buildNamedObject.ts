// `build_task_from_config(name)`: resolve the class, compute the section list, build, initialize.
import type { ConfigLayer } from '../config/configLayers';
import type { ValueParseContext } from '../values/parseValue';
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import { type ConfigObject, buildConfigObject } from './buildConfigObject';
import { resolveConfigClass } from './classResolution';
import { type InitializeNote, initializeEnv, initializeKubernetesEngine } from './initializeRules';
import { fromChain, objectSections } from './sectionList';
import type { Json } from '../json';

export interface NamedBuild {
  readonly object: ConfigObject;
  readonly notes: readonly InitializeNote[];
}

export function buildNamedObject(
  name: string,
  layer: ConfigLayer,
  parse: ValueParseContext,
  kwargs?: Readonly<Record<string, Json>>,
): DbndResult<NamedBuild, BuildError> {
  const cls = resolveConfigClass(name, layer, parse.env);
  if (!cls.ok) return cls;
  const chain = fromChain(name, layer, parse.env);
  if (!chain.ok) return chain;
  const sections = objectSections(name, cls.value, chain.value);
  const obj = buildConfigObject({ name, cls: cls.value, sections, layer, kwargs, parse });
  if (!obj.ok) return obj;
  if (cls.value.kind === 'env') {
    const env = initializeEnv(obj.value);
    return env.ok ? ok({ object: env.value, notes: [] }) : failWith(env.error);
  }
  if (cls.value.family === 'kubernetes') {
    const k8s = initializeKubernetesEngine(obj.value);
    return ok({ object: k8s.object, notes: k8s.notes });
  }
  return ok({ object: obj.value, notes: [] });
}

/** dbnd's `clone(**kwargs)`: every current value goes back through the parsers as a constructor kwarg. */
export function cloneObject(
  source: ConfigObject,
  layer: ConfigLayer,
  parse: ValueParseContext,
  overrides: Readonly<Record<string, Json>> = {},
): DbndResult<NamedBuild, BuildError> {
  const kwargs: Record<string, Json> = {};
  for (const [name, p] of source.params) kwargs[name] = p.value;
  Object.assign(kwargs, overrides);
  return buildNamedObject(source.name, layer, parse, kwargs);
}
