// Which config objects a `dbnd run` of this project builds, and which sections it reads while building them:
// the environments enabled in `[run] environments` plus the selected one (`dbnd run --env`, else
// `[databand] env`), the engines they use (`remote_engine`, `local_engine`), and the settings sections. dbnd
// raises build errors lazily, only for objects it builds (docs/dbnd-rules.md §1.7), so a problem in one of
// these sections is an error while the same problem elsewhere is at most a warning. This is the one answer:
// the core's checks and the editor's features (ide/projectQueries) both read it.
import type { ConfigLayer } from '../config/configLayers';
import type { ConfigValue } from '../config/configValue';
import { resolveConfigClass } from '../resolve/classResolution';
import { fromChain, objectSections } from '../resolve/sectionList';
import { DATABAND_SYSTEM_CONFIG, RUN_CONFIG, paramOf } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import type { Environment } from '../environment';
import { type ValueParseContext, parseParameterValue } from '../values/parseValue';

export interface EnabledObjects {
  /** `[run] environments` as dbnd parses it (empty when it does not parse). */
  readonly environments: readonly string[];
  /** The environment the run selects: the one asked for, else `[databand] env`, `local` by default. */
  readonly selectedEnv: string;
  /** Lower-cased names of the listed environments and of the engines their sections name. */
  readonly built: ReadonlySet<string>;
  /**
   * Lower-cased names of every section the run reads while building objects: the settings ([databand], [core],
   * [run], [config]), each enabled environment (listed or selected) and the engines it uses (named, or its
   * class's default), with every section those objects read (their `_from` chain, family, class path) or pass
   * through while resolving their class. dbnd raises build errors only for values in these.
   */
  readonly readSections: ReadonlySet<string>;
}

/** How far the `_type`/`_from` walk of `readSections` goes; resolution reports longer chains itself. */
const MAX_CLASS_STEPS = 20;

function settingValue(layer: ConfigLayer, cls: ConfigClassSchema, key: string, context: ValueParseContext): unknown {
  const stack = layer.lookup(objectSections(cls.family, cls, []), key);
  const raw = stack.at(-1)?.value;
  if (raw === undefined) return undefined;
  const param = paramOf(cls, key);
  if (!param) return raw;
  const parsed = parseParameterValue(raw, param, context);
  return parsed.ok ? parsed.value : undefined;
}

/** A value as dbnd's `str` parameter reads it; undefined when unset, None, empty or unparseable. */
function stringValue(value: ConfigValue | undefined, context: ValueParseContext): string | undefined {
  if (!value || value.value === null) return undefined;
  const parsed = parseParameterValue(value.value, { type: 'str' }, context);
  return parsed.ok && typeof parsed.value === 'string' && parsed.value !== '' ? parsed.value : undefined;
}

/** The sections the object `name` reads, highest priority first; undefined when its class does not resolve. */
function sectionsOf(
  layer: ConfigLayer,
  name: string,
  env: Environment,
  cls: ReturnType<typeof resolveConfigClass>,
): string[] | undefined {
  if (!cls.ok) return undefined;
  const chain = fromChain(name, layer, env);
  return chain.ok ? objectSections(name, cls.value, chain.value) : undefined;
}

/**
 * What one `enabledObjects` reads of each object, worked out once (the layer does not change during it): every
 * listed environment's sections are asked by both `builtObjects` and `sectionsRead` (twice by the latter), and
 * its `remote_engine`/`local_engine` by both. Fewer reads also make the language server's recording of them
 * (enabledObjectsMemo.ts) shorter.
 */
class ObjectReads {
  private readonly sectionsByName = new Map<string, string[] | undefined>();
  private readonly classes = new Map<string, ReturnType<typeof resolveConfigClass>>();
  private readonly winners = new Map<readonly string[], Map<string, ConfigValue | undefined>>();

  constructor(
    private readonly layer: ConfigLayer,
    private readonly env: Environment,
  ) {}

  /** `resolveConfigClass(name)`, resolved once: each listed environment's class is asked three times. */
  cls(name: string): ReturnType<typeof resolveConfigClass> {
    let cls = this.classes.get(name);
    if (!cls) this.classes.set(name, (cls = resolveConfigClass(name, this.layer, this.env)));
    return cls;
  }

  /** `sectionsOf(name)`, the same array each time. */
  sections(name: string): string[] | undefined {
    if (this.sectionsByName.has(name)) return this.sectionsByName.get(name);
    const sections = sectionsOf(this.layer, name, this.env, this.cls(name));
    this.sectionsByName.set(name, sections);
    return sections;
  }

  /** The winning value of `key` over `sections` (`lookup(...).at(-1)`), remembered per array. */
  winner(sections: readonly string[], key: string): ConfigValue | undefined {
    let byKey = this.winners.get(sections);
    if (!byKey) this.winners.set(sections, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key);
    const value = this.layer.lookup(sections, key).at(-1);
    byKey.set(key, value);
    return value;
  }
}

/** The listed environments and the engines their sections name (not the class defaults). */
function builtObjects(environments: readonly string[], reads: ObjectReads): Set<string> {
  const built = new Set<string>();
  for (const name of environments) {
    built.add(name.toLowerCase());
    const cls = reads.cls(name);
    if (!cls.ok || cls.value.kind !== 'env') continue;
    // The value of `key` for the object (its own section, `_from` chain, family, `[config]`).
    const sections = reads.sections(name);
    if (!sections) continue;
    for (const key of ['remote_engine', 'local_engine']) {
      const engine = reads.winner(sections, key)?.value;
      if (typeof engine === 'string' && engine && !engine.startsWith('@')) built.add(engine.toLowerCase());
    }
  }
  return built;
}

function sectionsRead(
  layer: ConfigLayer,
  envNames: readonly string[],
  context: ValueParseContext,
  reads: ObjectReads,
): Set<string> {
  const read = new Set<string>(['databand', 'core', 'run', 'config']);
  const addObject = (name: string) => {
    read.add(name.toLowerCase());
    const sections = reads.sections(name);
    if (sections) for (let i = 0; i < sections.length; i++) read.add(sections[i]);
    // The sections class resolution walks (`_type` then `_from`), so an error on that path is reported.
    for (let current = name, i = 0; i < MAX_CLASS_STEPS; i++) {
      const next =
        stringValue(layer.get(current, '_type'), context) ?? stringValue(layer.get(current, '_from'), context);
      if (!next || read.has(next.toLowerCase())) break;
      read.add(next.toLowerCase());
      current = next;
    }
  };
  for (const envName of envNames) {
    addObject(envName);
    const cls = reads.cls(envName);
    const sections = reads.sections(envName) ?? [envName.toLowerCase()];
    for (const key of ['remote_engine', 'local_engine']) {
      const codeDefault = cls.ok ? paramOf(cls.value, key)?.default : undefined;
      const engine =
        stringValue(reads.winner(sections, key), context) ??
        (typeof codeDefault === 'string' ? codeDefault : undefined);
      if (engine) addObject(engine);
    }
  }
  return read;
}

/**
 * The objects a run builds. `selectedEnv`: the environment asked for (`dbnd run --env`, the editor's default);
 * `readFile` reads `@/path` values, as dbnd would.
 */
export function enabledObjects(
  layer: ConfigLayer,
  env: Environment,
  selectedEnv?: string,
  readFile?: ValueParseContext['readFile'],
): EnabledObjects {
  const context: ValueParseContext = { env, readFile };
  const reads = new ObjectReads(layer, env);
  const listed = settingValue(layer, RUN_CONFIG, 'environments', context);
  const environments = Array.isArray(listed) ? listed.map(String) : [];
  const selected = selectedEnv ?? String(settingValue(layer, DATABAND_SYSTEM_CONFIG, 'env', context) ?? 'local');
  return {
    environments,
    selectedEnv: selected,
    built: builtObjects(environments, reads),
    readSections: sectionsRead(layer, [...new Set([...environments, selected])], context, reads),
  };
}
