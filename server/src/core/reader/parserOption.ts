// One option of `parser.options(section)` (assemble.ts), which is also the value dbnd's view keeps for it
// (dbndView.ts) and, once a file config store has claimed it for its path, that store's ConfigValue
// (core/config/fileValues.ts). One record per entry for all three layers: at 100k lines a project has ~50k
// entries, and a copy per layer (an option, a ConfigValue, its origin, a map entry) was ~10 MiB of live heap.
import { Priority, type ConfigValue } from '../config/configValue';
import { EntryOrigin } from '../config/entryOrigin';
import type { CfgEntry, CfgSection } from './model';

/** The file a store read an option from: what a ConfigValue needs besides the option (shared per store). */
export interface OptionFile {
  readonly path: string;
  /** dbnd's source string, `config[<file name>]`. */
  readonly source: string;
}

export class ParserOption {
  /** The file whose store shares this option as its ConfigValue: set once, by fileValues.ts. */
  file: OptionFile | undefined = undefined;
  private originMade: EntryOrigin | undefined = undefined;

  constructor(
    /** The entry the raw value comes from (in this section, or in `[DEFAULT]`). */
    readonly entry: CfgEntry,
    /** The section node holding `entry` (a `[DEFAULT]` node for an inherited key). */
    readonly section: CfgSection,
    /** Set once by this assembly's interpolation; null when `get()` raises. */
    public value: string | null,
  ) {}

  /** The key after optionxform: always the entry's (an option is listed under its entry's key). */
  get key(): string {
    return this.entry.key;
  }

  // ConfigValue's members, valid once `file` is set (a store sets it before sharing the option).
  declare readonly priority: number;
  declare readonly extend: boolean;
  get source(): string {
    return (this.file as OptionFile).source;
  }
  /** Made when first asked (few values are ever located), then the same object. */
  get origin(): EntryOrigin {
    return (this.originMade ??= new EntryOrigin((this.file as OptionFile).path, this.section.name, this.entry));
  }
  /** The ConfigValue's plain shape, as configValue() makes it (for whoever prints or sends a value). */
  toJSON(): ConfigValue {
    const { value, source, origin, priority, extend } = this;
    return { value: value ?? '', source, origin, priority, extend };
  }
}
// On the prototype: the same for every file value (dbnd's read_from_config_file sets no priority or extend).
Object.defineProperties(ParserOption.prototype, {
  priority: { value: Priority.NORMAL },
  extend: { value: false },
});
