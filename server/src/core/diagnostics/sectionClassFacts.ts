// Per section of a file: the class its name resolves to, and the required keys no layer sets for it (the facts
// the class checks and the required-keys check of lintFiles.ts report from). Resolving every section's class
// and asking the layers for every engine's and environment's required keys was a fifth of an edit's lint at
// 20k lines; an edit of one value changes none of it unless it changes a value those read, so the previous
// lint's facts are kept with the (section, key)s they read and answered again when none of those changed.
//
// Why the key is complete: `sectionClassFacts` reads the document only for its sections' names and order (and
// whether each is `[DEFAULT]`), the config only through the layer's `get` and `lookup` (class resolution,
// `_from` chains and the required-keys lookups), and of each value only its value, priority and extend flag
// (the facts hold classes and key names, never where a value was written); besides, the environment. The
// names are compared in order, the environment key by key, and the reads through the (section, key)s whose
// values changed between the layers (config/layerChanges.ts: complete for `get` and `lookup`), or by replaying
// every read when the stacks differ in shape (config/layerReads.ts). The facts hold no range: the diagnostics
// are made from them with the sections' nodes of this lint.
import type { ConfigLayer } from '../config/configLayers';
import { changedValues, readAnyOf, readKeys } from '../config/layerChanges';
import {
  type RecordedComputation,
  recordReads,
  sameEnvironment,
  sameValueAndPriority,
  stillHolds,
} from '../config/layerReads';
import type { Environment } from '../environment';
import type { CfgDocument } from '../reader';
import { adoptResolutions, resolveConfigClass } from '../resolve/classResolution';
import { fromChain, objectSections } from '../resolve/sectionList';
import type { ConfigClassSchema } from '../schema/types';

export interface SectionClassFacts {
  /** The class the section's name resolves to; undefined for `[DEFAULT]` and when it does not resolve. */
  readonly cls: ConfigClassSchema | undefined;
  /** Whether resolution failed (the class checks then report why, from the layer). */
  readonly unresolved: boolean;
  /** Required parameters (no code default, not derived) no layer sets for the object, in the class's order. */
  readonly missing: readonly ConfigClassSchema['params'][number][];
}

const required = new WeakMap<ConfigClassSchema, readonly ConfigClassSchema['params'][number][]>();

/** The class's parameters with no code default that are not derived (a few of its dozens), made once per class. */
function requiredParams(cls: ConfigClassSchema): readonly ConfigClassSchema['params'][number][] {
  let params = required.get(cls);
  if (!params) required.set(cls, (params = cls.params.filter((p) => !p.hasDefault && !p.derived)));
  return params;
}

/**
 * Whether any layer sets `key` in one of `sections`: `lookup(sections, key)` is not empty exactly then, and the
 * merged view (`get`) holds every key any layer sets, so this asks it section by section and stops at the
 * first value instead of folding the whole stack.
 */
function setInAny(layer: ConfigLayer, sections: readonly string[], key: string): boolean {
  for (const section of sections) if (layer.get(section, key) !== undefined) return true;
  return false;
}

const NOTHING: SectionClassFacts = { cls: undefined, unresolved: false, missing: [] };

/** The facts of each section of `doc`, in order. Engine and environment sections (not their family's own
 *  section) get their missing required keys: dbnd raises MissingParameterError when it builds the object. */
export function sectionClassFacts(doc: CfgDocument, layer: ConfigLayer, env: Environment): SectionClassFacts[] {
  return doc.sections.map((section) => {
    if (section.isDefault) return NOTHING;
    const resolved = resolveConfigClass(section.name, layer, env);
    if (!resolved.ok) return { cls: undefined, unresolved: true, missing: [] };
    const cls = resolved.value;
    if ((cls.kind !== 'engine' && cls.kind !== 'env') || section.name.toLowerCase() === cls.family)
      return { cls, unresolved: false, missing: [] };
    const chain = fromChain(section.name, layer, env);
    if (!chain.ok) return { cls, unresolved: false, missing: [] };
    const sections = objectSections(section.name, cls, chain.value);
    const missing = requiredParams(cls).filter((p) => !setInAny(layer, sections, p.name));
    return { cls, unresolved: false, missing };
  });
}

interface Remembered {
  readonly names: readonly string[];
  readonly recorded: RecordedComputation<SectionClassFacts[]>;
  readonly keys: ReadonlySet<string>;
  readonly layer: ConfigLayer;
}

/** A section's name as the facts read it: `[DEFAULT]` apart (its name is not resolved). */
const nameOf = (s: CfgDocument['sections'][number]) => (s.isDefault ? '\0DEFAULT' : s.name);

function sameNames(doc: CfgDocument, names: readonly string[]): boolean {
  const sections = doc.sections;
  if (sections.length !== names.length) return false;
  for (let i = 0; i < names.length; i++) if (nameOf(sections[i]) !== names[i]) return false;
  return true;
}

/** The facts of each file's last lint (one per language server project, kept beside its entry memo). */
export class SectionClassFactsMemo {
  private last = new Map<string, Remembered>();
  /** Files linted before: a file's first lint (the project's first analysis) is not recorded, so that it costs
   *  what a lint without memo costs; its first edit records. */
  private seen = new Set<string>();
  /** How many files the last lint answered from the previous one (for tests and profiling). */
  reusedFiles = 0;

  private holds(last: Remembered, doc: CfgDocument, layer: ConfigLayer, env: Environment): boolean {
    if (!sameNames(doc, last.names) || !sameEnvironment(last.recorded.env, env)) return false;
    const changed = changedValues(last.layer, layer, sameValueAndPriority);
    return changed ? !readAnyOf(last.keys, changed) : stillHolds(last.recorded, layer, env, sameValueAndPriority);
  }

  facts(path: string, doc: CfgDocument, layer: ConfigLayer, env: Environment): SectionClassFacts[] {
    const last = this.last.get(path);
    if (last && this.holds(last, doc, layer, env)) {
      this.reusedFiles++;
      this.last.set(path, { ...last, layer });
      return last.recorded.value;
    }
    if (!this.seen.has(path)) {
      this.seen.add(path);
      return sectionClassFacts(doc, layer, env);
    }
    // Recorded on a copy of the layer whose resolution memo starts empty, so every read is noted; the lint's
    // layer then starts from what it resolved.
    const recorded = recordReads(layer, env, (recording) => {
      const facts = sectionClassFacts(doc, recording, env);
      adoptResolutions(recording, layer, env);
      return facts;
    });
    this.last.set(path, { names: doc.sections.map(nameOf), recorded, keys: readKeys(recorded.reads), layer });
    return recorded.value;
  }

  /** Forgets the files not linted since the last call (closed or deleted ones). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.last.keys()) if (!paths.has(path)) this.last.delete(path);
    for (const path of this.seen) if (!paths.has(path)) this.seen.delete(path);
    this.reusedFiles = 0;
  }
}
