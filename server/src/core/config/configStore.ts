// dbnd's _ConfigStore: section → key → value, both lower-cased, insertion ordered. `update` keeps an existing
// value when it has a higher priority, which is how an OVERRIDE survives later NORMAL values in one layer.
import type { ConfigValue } from './configValue';

export class ConfigStore {
  private sections = new Map<string, Map<string, ConfigValue>>();
  /**
   * The section maps this store may write to. A copy shares the other maps with the store it was copied from
   * (copy on write): every run layers the command line over the whole project, and copying each section's map
   * for a handful of changed keys was a measurable part of a lint.
   */
  private owned = new Set<Map<string, ConfigValue>>();

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
    this.writable(section.toLowerCase()).set(key.toLowerCase(), value);
  }

  /** Shares `entries` (keys lower-cased) as the (lower-cased) section's values: this store never writes to it
   *  (a write copies it first), so whoever made it may share it with other stores too. */
  shareSection(name: string, entries: ReadonlyMap<string, ConfigValue>): void {
    this.sections.set(name, entries as Map<string, ConfigValue>);
    this.owned.delete(entries as Map<string, ConfigValue>);
  }

  /** The map of the (lower-cased) section to write to: created, or copied when it is shared with another store. */
  private writable(name: string): Map<string, ConfigValue> {
    let entries = this.sections.get(name);
    if (!entries || !this.owned.has(entries)) {
      entries = new Map(entries);
      this.sections.set(name, entries);
      this.owned.add(entries);
    }
    return entries;
  }

  /** `_ConfigStore.update`: merge `other` in, except over values of a strictly higher priority. */
  update(other: ConfigStore): this {
    // Both stores hold lower-cased names already: one section lookup per section, no case folding per key.
    for (const [section, entries] of other.sections) {
      if (!this.sections.has(section)) {
        // A section new to this store: share the other's map until one of them writes to it (copy on write:
        // neither owns it now).
        this.sections.set(section, entries);
        other.owned.delete(entries);
        continue;
      }
      const mine = this.writable(section);
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
    clone.sections = new Map(this.sections);
    // Both stores now share every section map: each copies a map before its first write to it.
    this.owned = new Set();
    return clone;
  }

  get isEmpty(): boolean {
    return this.sections.size === 0;
  }
}
