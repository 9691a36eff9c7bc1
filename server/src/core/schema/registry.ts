// Lookups over the modelled classes, and the part of dbnd's task registry the resolver needs for class
// resolution (docs/dbnd-rules.md §1.7). The oracle environment (and a typical k8s project) has the dbnd-run and
// dbnd-docker plugins imported, so their classes are registered; gcp/aws/azure/spark plugin classes are not.
import { ALL_CONFIG_CLASSES } from './allClasses';
import type { ConfigClassSchema, LegacyKeySchema, ParamSchema } from './types';

const byFamily = new Map<string, ConfigClassSchema>();
const byLowerPath = new Map<string, ConfigClassSchema>();
/** Each class's parameters by name: the lint looks one up for every key of a project. */
const paramsByName = new Map<ConfigClassSchema, ReadonlyMap<string, ParamSchema>>();
for (const cls of ALL_CONFIG_CLASSES) {
  byFamily.set(cls.family, cls);
  byLowerPath.set(cls.classPath.toLowerCase(), cls);
  paramsByName.set(cls, new Map(cls.params.map((p) => [p.name, p])));
}

/** The class whose `task_family` is this section name (`kubernetes`, `local`, `run`, ...); case-insensitive. */
export function classByFamily(family: string): ConfigClassSchema | undefined {
  return byFamily.get(family.toLowerCase());
}

/**
 * The class with this full dotted path. Case-insensitive, because dbnd lower-cases section names: the class path
 * section of KubernetesEngineConfig is `[dbnd_docker.kubernetes.kubernetes_engine_config.kubernetesengineconfig]`.
 */
export function classByPath(classPath: string): ConfigClassSchema | undefined {
  return byLowerPath.get(classPath.toLowerCase());
}

/** The class whose family section or class path section is `sectionName` (already lower-cased or not). */
export function classOfSection(sectionName: string): ConfigClassSchema | undefined {
  return classByFamily(sectionName) ?? classByPath(sectionName);
}

/** The parameter `key` of `cls` (keys are case-insensitive in dbnd: configparser lower-cases them). */
export function paramOf(cls: ConfigClassSchema, key: string): ParamSchema | undefined {
  const lower = key.toLowerCase();
  const byName = paramsByName.get(cls);
  // A class that is not one of the modelled ones (a test's own schema) is searched directly.
  return byName ? byName.get(lower) : cls.params.find((p) => p.name === lower);
}

/** A key `cls` had in older dbnd and that is unknown (ignored with a warning) now, e.g. `[core] environments`. */
export function legacyKeyOf(cls: ConfigClassSchema, key: string): LegacyKeySchema | undefined {
  const lower = key.toLowerCase();
  return cls.legacyKeys.find((k) => k.name === lower);
}

/** dbnd's `full_task_family_short`: the first letter of every module part, then the class name. */
export function shortFamilyOf(classPath: string): string {
  const parts = classPath.split('.');
  const className = parts.pop() ?? '';
  return [...parts.map((part) => part.charAt(0)), className].join('.');
}

/**
 * Required in practice: no code default and no value in the shipped package defaults for the class's family
 * section, so the user must set it (e.g. `container_repository`, `[docker] api_version`).
 */
export function isRequired(cls: ConfigClassSchema, param: ParamSchema): boolean {
  return !param.hasDefault && !param.derived && !cls.packageDefaultKeys.includes(param.name);
}

const registeredByName = new Map<string, ConfigClassSchema>();
for (const cls of ALL_CONFIG_CLASSES) {
  if (!cls.registered) continue;
  registeredByName.set(cls.family, cls);
  registeredByName.set(cls.classPath, cls);
}

/**
 * docs/dbnd-rules.md §1.7 step 1: `name` is a registered task family or full class name, so that class is used and a
 * `_type` in `[name]` is ignored. The lookup is exact, like dbnd's registry (two plain dicts): `Kubernetes` or a
 * lower-cased class path are not registered names; they may still resolve through `[kubernetes] _type` (step 2),
 * because *section* lookups are case-insensitive.
 */
export function registeredClass(name: string): ConfigClassSchema | undefined {
  return registeredByName.get(name);
}

/**
 * docs/dbnd-rules.md §1.7 step 4: `dottedPath` contains a dot, dbnd imports its module part and looks the full name up
 * again. Only the modules of the modelled classes are known to import, so this is the modelled class with exactly this
 * path; anything else is not importable (dbnd then raises TaskClassNotFoundException).
 */
export function importableClass(dottedPath: string): ConfigClassSchema | undefined {
  if (!dottedPath.includes('.')) return undefined;
  return ALL_CONFIG_CLASSES.find((cls) => cls.registered && cls.classPath === dottedPath);
}
