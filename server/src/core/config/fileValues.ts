// One config file's values as a dbnd config store (read_from_config_file): the reader's dbnd view, each value
// tagged `config[<file name>]` and with the range it was written at.
import type { DbndFileView } from '../reader';
import { ConfigStore } from './configStore';
import { configValue } from './configValue';

export function basename(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash >= 0 ? path.slice(slash + 1) : path;
}

/** The values of a file dbnd could load, as dbnd stores them. */
export function fileConfigStore(view: Extract<DbndFileView, { kind: 'sections' }>, path: string): ConfigStore {
  const source = `config[${basename(path)}]`;
  const store = new ConfigStore();
  for (const [sectionName, section] of view.sections) {
    for (const [key, v] of section.values) {
      store.set(
        sectionName,
        key,
        configValue(v.value, source, {
          kind: 'file',
          path,
          keyRange: v.entry.keyRange,
          valueRange: v.entry.valueRange,
          sectionName: v.section.name,
        }),
      );
    }
  }
  return store;
}
