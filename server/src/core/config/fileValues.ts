// One config file's values as a dbnd config store (read_from_config_file): the reader's dbnd view, each value
// tagged `config[<file name>]` and with the range it was written at.
import type { DbndFileView, DbndSectionView, DbndValue } from '../reader';
import { ParserOption, type OptionFile } from '../reader/parserOption';
import { ConfigStore } from './configStore';
import type { ConfigValue } from './configValue';

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
  // The view of a section an edit did not touch is the previous view's (dbndView.ts): nothing to compare.
  if (previous === next) return true;
  if (!previous || previous.values.size !== next.values.size) return false;
  const theirs = previous.values.entries();
  for (const [key, v] of next.values) {
    const [k, p] = theirs.next().value as [string, DbndValue];
    if (k !== key || p.entry !== v.entry || p.section !== v.section || p.value !== v.value) return false;
  }
  return true;
}

/**
 * The section's values as ConfigValues of `file`: the view's own map and options when they can be (each option
 * is claimed for the file, and its ConfigValue members read the file from it), so a value is one record in the
 * parser, the view and the store. A copy only where they cannot: a key the store folds differently from Python
 * (its keys are `toLowerCase`d), or an option already claimed by another path (one document layered under two).
 */
function sectionValues(section: DbndSectionView, file: OptionFile): ReadonlyMap<string, ConfigValue> {
  let shareable = true;
  for (const [key, v] of section.values) {
    v.file ??= file;
    if (v.file.path !== file.path || key.toLowerCase() !== key) shareable = false;
  }
  if (shareable) return section.values as ReadonlyMap<string, DbndValue & ConfigValue>;
  const copied = new Map<string, ConfigValue>();
  for (const [key, v] of section.values) {
    let value = v as DbndValue & ConfigValue;
    if (v.file?.path !== file.path) {
      const own = new ParserOption(v.entry, v.section, v.value) as DbndValue & ConfigValue;
      own.file = file;
      value = own;
    }
    copied.set(key.toLowerCase(), value);
  }
  return copied;
}

function makeFileConfigStore(view: LoadedView, path: string): ConfigStore {
  const file: OptionFile = { path, source: `config[${basename(path)}]` };
  const store = new ConfigStore();
  const last = lastMade.get(path);
  const made = new Map<string, ReadonlyMap<string, ConfigValue>>();
  for (const [sectionName, section] of view.sections) {
    const values =
      (last && sameValues(last.view.sections.get(sectionName), section) ? last.sections.get(sectionName) : undefined) ??
      sectionValues(section, file);
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
