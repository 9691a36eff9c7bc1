// Questions about the whole project that several features ask: which class a section builds (through `_type`
// and `_from` across files), which sections an object reads, which sections exist where, and which objects a
// `dbnd run` builds (the core's enabledObjects, the answer its checks use too). Answers are cached on the
// analysis.
import type { ConfigLayer } from '../core/config/configLayers';
import type { ConfigValue } from '../core/config/configValue';
import { PACKAGE_DEFAULT_FILES } from '../core/config/loadConfig';
import type { CfgSection } from '../core/reader';
import type { BuildError } from '../core/resolve/buildError';
import type { DbndResult } from '../core/result';
import { type EnabledObjects, enabledObjects } from '../core/diagnostics/enabledObjects';
import { resolveConfigClass } from '../core/resolve/classResolution';
import { fromChain, objectSections } from '../core/resolve/sectionList';
import type { ConfigClassSchema } from '../core/schema/types';
import type { Analysis } from './analysis';

export function layerOf(analysis: Analysis): ConfigLayer | undefined {
  const loaded = analysis.load();
  return loaded.ok ? loaded.value : undefined;
}

/** The class section `name` builds, or dbnd's error; undefined when the project does not load at all. */
export function sectionClass(analysis: Analysis, name: string): DbndResult<ConfigClassSchema, BuildError> | undefined {
  const layer = layerOf(analysis);
  if (!layer) return undefined;
  return analysis.memo(`class:${name.toLowerCase()}`, () => resolveConfigClass(name, layer, analysis.env));
}

/** The sections the object `name` reads, highest priority first (its name, `_from` chain, family, class path, config). */
export function sectionsOfObject(analysis: Analysis, name: string): readonly string[] | undefined {
  const cls = sectionClass(analysis, name);
  const layer = layerOf(analysis);
  if (!cls?.ok || !layer) return undefined;
  return analysis.memo(`sections:${name.toLowerCase()}`, () => {
    const chain = fromChain(name, layer, analysis.env);
    return chain.ok ? objectSections(name, cls.value, chain.value) : undefined;
  });
}

/** The values deciding `key` for the object `name`, lowest first (one unless `extend` merged several). */
export function valueStack(analysis: Analysis, name: string, key: string): readonly ConfigValue[] {
  const layer = layerOf(analysis);
  const sections = sectionsOfObject(analysis, name) ?? [name.toLowerCase()];
  return layer ? layer.lookup(sections, key) : [];
}

export interface SectionDefinition {
  /** Name as written. */
  readonly name: string;
  readonly path: string;
  /** undefined for the packaged defaults, which have no editor URI. */
  readonly uri?: string;
  readonly section: CfgSection;
}

/** Every section header of the project's files and of the packaged defaults, in load order. */
export function sectionDefinitions(analysis: Analysis): readonly SectionDefinition[] {
  return analysis.memo('sectionDefinitions', () => [
    ...PACKAGE_DEFAULT_FILES.flatMap((f) =>
      (f.doc?.sections ?? [])
        .filter((s) => !s.isDefault)
        .map((section) => ({ name: section.name, path: f.path, section })),
    ),
    ...analysis.files.flatMap((f) =>
      analysis
        .document(f)
        .sections.filter((s) => !s.isDefault)
        .map((section) => ({ name: section.name, path: f.path, uri: f.uri, section })),
    ),
  ]);
}

/** Lower-cased names of every section defined somewhere in the project (packaged defaults included). */
export function definedSectionNames(analysis: Analysis): ReadonlySet<string> {
  return analysis.memo(
    'definedSectionNames',
    () => new Set(sectionDefinitions(analysis).map((d) => d.name.toLowerCase())),
  );
}

/** What a `dbnd run` of the project builds: the core's answer (core/diagnostics/enabledObjects), which its
 *  checks read too, for this snapshot's environment and selected dbnd environment. */
export function enabledObjectsOf(analysis: Analysis): EnabledObjects | undefined {
  const layer = layerOf(analysis);
  if (!layer) return undefined;
  const { env, environmentName, readFile } = analysis.snapshot;
  return analysis.memo('enabledObjects', () => enabledObjects(layer, env, environmentName, readFile));
}

/**
 * Lower-cased names of the sections a `dbnd run` of the project reads while building objects: the settings
 * ([databand], [core], [run]), every enabled environment and the engines it names, with every section those
 * objects read or pass through while resolving their class. dbnd raises build errors only for these.
 */
export function builtSections(analysis: Analysis): ReadonlySet<string> {
  return enabledObjectsOf(analysis)?.readSections ?? NOTHING_BUILT;
}

/** A project that does not load builds nothing (dbnd stops before any object). */
const NOTHING_BUILT: ReadonlySet<string> = new Set();
