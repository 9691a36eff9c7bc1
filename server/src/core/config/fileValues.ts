// One config file's values as a dbnd config store (read_from_config_file): the reader's dbnd view, each value
// tagged `config[<file name>]` and with the range it was written at.
import type { CfgEntry, DbndFileView } from '../reader';
import type { Range } from '../text/range';
import { ConfigStore } from './configStore';
import { configValue, type ValueOrigin } from './configValue';

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

function makeFileConfigStore(view: LoadedView, path: string): ConfigStore {
  const source = `config[${basename(path)}]`;
  const store = new ConfigStore();
  for (const [sectionName, section] of view.sections) {
    for (const [key, v] of section.values) {
      store.set(sectionName, key, configValue(v.value, source, new EntryOrigin(path, v.section.name, v.entry)));
    }
  }
  return store;
}
