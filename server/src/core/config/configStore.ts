// dbnd's _ConfigStore: section → key → value, both lower-cased, insertion ordered. `update` keeps an existing
// value when it has a higher priority, which is how an OVERRIDE survives later NORMAL values in one layer.
import type { ConfigValue } from './configValue';

export class ConfigStore {
  private readonly sections = new Map<string, Map<string, ConfigValue>>();

  get(section: string, key: string): ConfigValue | undefined {
    return this.sections.get(section.toLowerCase())?.get(key.toLowerCase());
  }

  section(section: string): ReadonlyMap<string, ConfigValue> | undefined {
    return this.sections.get(section.toLowerCase());
  }

  sectionNames(): IterableIterator<string> {
    return this.sections.keys();
  }

  /** Plain assignment, as `set_config_value`. */
  set(section: string, key: string, value: ConfigValue): void {
    const name = section.toLowerCase();
    let entries = this.sections.get(name);
    if (!entries) this.sections.set(name, (entries = new Map()));
    entries.set(key.toLowerCase(), value);
  }

  /** `_ConfigStore.update`: merge `other` in, except over values of a strictly higher priority. */
  update(other: ConfigStore): this {
    // Both stores hold lower-cased names already: one section lookup per section, no case folding per key.
    for (const [section, entries] of other.sections) {
      let mine = this.sections.get(section);
      if (!mine) this.sections.set(section, (mine = new Map()));
      for (const [key, value] of entries) {
        const old = mine.get(key);
        if (old && old.priority > value.priority) continue;
        mine.set(key, value);
      }
    }
    return this;
  }

  copy(): ConfigStore {
    const clone = new ConfigStore();
    for (const [section, entries] of this.sections) clone.sections.set(section, new Map(entries));
    return clone;
  }

  get isEmpty(): boolean {
    return this.sections.size === 0;
  }
}
