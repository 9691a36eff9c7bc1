// Feature support: where each section name of the project is defined (its `[header]`s) and where it is used —
// the values of `_from`, `_type`, `remote_engine`, `local_engine`, `[databand] env` and the entries of an
// `environments` list — in every file of the project, open or not. Go to definition, find references, rename
// and the outline all read this one index. dbnd lower-cases section names (docs/dbnd-rules.md §1.1), so names
// are matched case-insensitively.
import type { CfgEntry, CfgSection } from '../core/reader';
import { valueSpanToRange } from '../core/reader/valuePositions';
import type { Range } from '../core/text/range';
import type { Analysis, ProjectFile } from './analysis';

/** Keys whose whole value names one section. */
const SINGLE_REFERENCE_KEYS = new Set(['_from', '_type', 'remote_engine', 'local_engine']);

export interface SectionDefinitionSite {
  readonly file: ProjectFile;
  readonly section: CfgSection;
}

export interface SectionReferenceSite {
  readonly file: ProjectFile;
  /** The name as written in the value. */
  readonly name: string;
  /** Exactly the name inside the value (quotes of a list entry excluded). */
  readonly range: Range;
  /** The key whose value holds the reference. */
  readonly key: string;
}

export interface SectionIndex {
  /** Lower-cased name → its headers, in the project's load order. */
  readonly definitions: ReadonlyMap<string, readonly SectionDefinitionSite[]>;
  /** Lower-cased name → the values that use it. */
  readonly references: ReadonlyMap<string, readonly SectionReferenceSite[]>;
}

/** Names inside a list value (`['local', "k8s"]`, or dbnd's plain `local,k8s`) with their offsets in the value. */
function listNames(raw: string): { name: string; start: number }[] {
  const trimmed = raw.trimStart();
  if (trimmed.startsWith('[')) {
    return [...raw.matchAll(/(["'])([^"'\n]*)\1/g)].map((m) => ({ name: m[2], start: (m.index ?? 0) + 1 }));
  }
  const out: { name: string; start: number }[] = [];
  let offset = 0;
  for (const part of raw.split(',')) {
    const lead = part.length - part.trimStart().length;
    const name = part.trim();
    if (name) out.push({ name, start: offset + lead });
    offset += part.length + 1;
  }
  return out;
}

/** The section names an entry's value refers to, with their ranges; none for other keys. */
export function referencesOf(entry: CfgEntry, sectionName: string): { name: string; range: Range }[] {
  const section = sectionName.toLowerCase();
  const raw = entry.rawValue;
  const isSingle = SINGLE_REFERENCE_KEYS.has(entry.key) || (entry.key === 'env' && section === 'databand');
  if (isSingle) {
    const name = raw.trim();
    // `$VAR`, `@None` and `%(x)s` are computed values, not names one could rename.
    if (!name || /[\s$@%]/.test(name)) return [];
    const start = raw.indexOf(name);
    return [{ name, range: valueSpanToRange(entry, start, start + name.length) }];
  }
  if (entry.key === 'environments' && (section === 'run' || section === 'core')) {
    return listNames(raw)
      .filter(({ name }) => name && !/[\s$@%]/.test(name))
      .map(({ name, start }) => ({ name, range: valueSpanToRange(entry, start, start + name.length) }));
  }
  return [];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function sectionIndex(analysis: Analysis): SectionIndex {
  return analysis.memo('navigation:sectionIndex', () => {
    const definitions = new Map<string, SectionDefinitionSite[]>();
    const references = new Map<string, SectionReferenceSite[]>();
    for (const file of analysis.files) {
      for (const section of analysis.document(file).sections) {
        if (section.isDefault) continue;
        push(definitions, section.name.toLowerCase(), { file, section });
        for (const entry of section.entries) {
          for (const ref of referencesOf(entry, section.name)) {
            push(references, ref.name.toLowerCase(), { file, name: ref.name, range: ref.range, key: entry.key });
          }
        }
      }
    }
    return { definitions, references };
  });
}
