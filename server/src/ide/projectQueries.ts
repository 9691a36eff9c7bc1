// Questions about the whole project that several features ask: which class a section builds (through `_type`
// and `_from` across files), which sections an object reads, which sections exist where, and which objects a
// `dbnd run` builds. Answers are cached on the analysis.
import type { ConfigLayer } from '../core/config/configLayers';
import type { ConfigValue } from '../core/config/configValue';
import { PACKAGE_DEFAULT_FILES } from '../core/config/loadConfig';
import type { CfgSection } from '../core/reader';
import type { BuildError } from '../core/resolve/buildError';
import type { DbndResult } from '../core/result';
import { resolveConfigClass } from '../core/resolve/classResolution';
import { fromChain, objectSections } from '../core/resolve/sectionList';
import { paramOf } from '../core/schema';
import type { ConfigClassSchema } from '../core/schema/types';
import { parseParameterValue } from '../core/values/parseValue';
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
      f.doc.sections
        .filter((s) => !s.isDefault)
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

function stringList(analysis: Analysis, value: ConfigValue | undefined): string[] {
  if (!value) return [];
  const parsed = parseParameterValue(
    value.value,
    { type: 'List[str]' },
    { env: analysis.env, readFile: analysis.snapshot.readFile },
  );
  return parsed.ok && Array.isArray(parsed.value) ? parsed.value.filter((v): v is string => typeof v === 'string') : [];
}

function stringValue(analysis: Analysis, value: ConfigValue | undefined): string | undefined {
  if (!value || value.value === null) return undefined;
  const parsed = parseParameterValue(
    value.value,
    { type: 'str' },
    { env: analysis.env, readFile: analysis.snapshot.readFile },
  );
  return parsed.ok && typeof parsed.value === 'string' && parsed.value !== '' ? parsed.value : undefined;
}

/** The environments `[run] environments` enables, plus the selected one (`databand.defaultEnvironment` or `[databand] env`). */
export function enabledEnvironments(analysis: Analysis): readonly string[] {
  return analysis.memo('enabledEnvironments', () => {
    const enabled = stringList(analysis, valueStack(analysis, 'run', 'environments').at(-1));
    const selected =
      analysis.snapshot.environmentName ??
      stringValue(analysis, valueStack(analysis, 'databand', 'env').at(-1)) ??
      'local';
    return [...new Set([...enabled, selected])];
  });
}

/**
 * Lower-cased names of the sections a `dbnd run` of the project reads while building objects: the settings
 * ([databand], [core], [run]), every enabled environment and the engines it names, with every section those
 * objects read or pass through while resolving their class. dbnd raises build errors only for these.
 */
export function builtSections(analysis: Analysis): ReadonlySet<string> {
  return analysis.memo('builtSections', () => {
    const out = new Set<string>(['databand', 'core', 'run', 'config']);
    const addObject = (name: string) => {
      out.add(name.toLowerCase());
      for (const s of sectionsOfObject(analysis, name) ?? []) out.add(s);
      // The sections class resolution walks (`_type` then `_from`), so an error on that path is reported.
      const layer = layerOf(analysis);
      for (let current = name, i = 0; layer && i < 20; i++) {
        const next =
          stringValue(analysis, layer.get(current, '_type')) ?? stringValue(analysis, layer.get(current, '_from'));
        if (!next || out.has(next.toLowerCase())) break;
        out.add(next.toLowerCase());
        current = next;
      }
    };
    for (const env of enabledEnvironments(analysis)) {
      addObject(env);
      for (const key of ['remote_engine', 'local_engine']) {
        const cls = sectionClass(analysis, env);
        const codeDefault = cls?.ok ? paramOf(cls.value, key)?.default : undefined;
        const engine =
          stringValue(analysis, valueStack(analysis, env, key).at(-1)) ??
          (typeof codeDefault === 'string' ? codeDefault : undefined);
        if (engine) addObject(engine);
      }
    }
    return out;
  });
}
