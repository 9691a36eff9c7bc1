// One config file's values as a dbnd config store (read_from_config_file): the reader's dbnd view, each value
// tagged `config[<file name>]` and with the range it was written at.
import type { CfgEntry, DbndFileView, DbndSectionView, DbndValue } from '../reader';
import type { Range } from '../text/range';
import { ConfigStore } from './configStore';
import { type ConfigValue, configValue, type ValueOrigin } from './configValue';

type FileOrigin = Extract<ValueOrigin, { kind: 'file' }>;

/**
 * Where a file value was written, its ranges made from the entry when asked: a project has a value per key
 * and few are ever located (a hover, a definition, an error), so a lint does not build two ranges per key.
 */
class EntryOrigin implements FileOrigin {
  readonly kind = 'file' as const;
  constructor(
    readonly path: string,
    readonly sectionName: string,
    private readonly entry: CfgEntry,
  ) {}
  get keyRange(): Range {
    return this.entry.keyRange;
  }
  get valueRange(): Range {
    return this.entry.valueRange;
  }
  /** The plain origin, for whoever prints or sends it. */
  toJSON(): FileOrigin {
    const { kind, path, keyRange, valueRange, sectionName } = this;
    return { kind, path, keyRange, valueRange, sectionName };
  }
}

export function basename(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash >= 0 ? path.slice(slash + 1) : path;
}

type LoadedView = Extract<DbndFileView, { kind: 'sections' }>;

/** Stores already made, per view (made once per document, see toDbndView) and path. */
const stores = new WeakMap<LoadedView, Map<string, ConfigStore>>();

/** The values of a file dbnd could load, as dbnd stores them. Made once per view and path: the layering reads
 *  it (`update` copies its values) and never writes to it; neither may a caller. */
export function fileConfigStore(view: LoadedView, path: string): ConfigStore {
  let byPath = stores.get(view);
  if (!byPath) stores.set(view, (byPath = new Map()));
  let store = byPath.get(path);
  if (!store) byPath.set(path, (store = makeFileConfigStore(view, path)));
  return store;
}

/** Per path, the last store made and the view it was made of: an edit makes a new document and view, but the
 *  incremental reader hands over the unchanged sections' entry nodes, so most sections' values are the same. */
const lastMade = new Map<string, { view: LoadedView; sections: Map<string, ReadonlyMap<string, ConfigValue>> }>();
/** Bounds `lastMade` (paths of closed or deleted files): past it, the oldest path is forgotten. */
const LAST_MADE_PATHS = 256;

/**
 * Whether `previous` makes the same values as `next`: the same keys in the same order, each from the same entry
 * node of the same section node with the same value. That is all a value's ConfigValue is made of (the value,
 * the path's source, and an origin of path, section name and entry, whose ranges are read from the node when
 * asked), so its values can be shared.
 */
function sameValues(previous: DbndSectionView | undefined, next: DbndSectionView): boolean {
  if (!previous || previous.values.size !== next.values.size) return false;
  const theirs = previous.values.entries();
  for (const [key, v] of next.values) {
    const [k, p] = theirs.next().value as [string, DbndValue];
    if (k !== key || p.entry !== v.entry || p.section !== v.section || p.value !== v.value) return false;
  }
  return true;
}

function makeFileConfigStore(view: LoadedView, path: string): ConfigStore {
  const source = `config[${basename(path)}]`;
  const store = new ConfigStore();
  const last = lastMade.get(path);
  const made = new Map<string, ReadonlyMap<string, ConfigValue>>();
  for (const [sectionName, section] of view.sections) {
    let values =
      last && sameValues(last.view.sections.get(sectionName), section) ? last.sections.get(sectionName) : undefined;
    if (!values) {
      const fresh = new Map<string, ConfigValue>();
      for (const [key, v] of section.values) {
        fresh.set(key.toLowerCase(), configValue(v.value, source, new EntryOrigin(path, v.section.name, v.entry)));
      }
      values = fresh;
    }
    made.set(sectionName, values);
    // The store's own case folding, as `set` would do it (the view's names are folded as Python folds them).
    const name = sectionName.toLowerCase();
    if (store.section(name)) for (const [key, v] of values) store.set(name, key, v);
    // Shared, never owned: no store writes to a file's values (a write copies them).
    else store.shareSection(name, values);
  }
  lastMade.delete(path);
  if (lastMade.size >= LAST_MADE_PATHS) lastMade.delete(lastMade.keys().next().value as string);
  lastMade.set(path, { view, sections: made });
  return store;
}
