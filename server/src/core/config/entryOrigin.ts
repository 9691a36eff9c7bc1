// Where a file value was written (a ValueOrigin of kind 'file'), its ranges read from the entry node when asked.
import type { CfgEntry } from '../reader/model';
import type { Range } from '../text/range';
import type { ValueOrigin } from './configValue';

export type FileOrigin = Extract<ValueOrigin, { kind: 'file' }>;

/**
 * A project has a value per key and few are ever located (a hover, a definition, an error), so a lint does not
 * build two ranges per key: they are the entry's own, read when asked (and so where the entry is now).
 */
export class EntryOrigin implements FileOrigin {
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
