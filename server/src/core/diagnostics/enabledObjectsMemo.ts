// The enabled objects (enabledObjects.ts) of the previous lint, answered again while nothing they read changed.
// Working them out resolves the class and `_from` chain of every listed environment and of its engines, which
// at 20k lines (hundreds of environments in `[run] environments`) was a fifth of an edit's lint; an edit of
// any other value leaves every read the same.
//
// Why the key is complete: `enabledObjects` reads the config only through the layer's `get` and `lookup` (class
// resolution and `_from` chains included), and of each value only its value, priority and extend flag (the
// result holds names, never where a value was written); besides, it reads the environment, the selected
// environment and, for `@/path` values, the file reader. The environment and the selected environment are
// compared; this memo takes no file reader (the lint reads no files), so a value naming a file is read the same
// way each time. The reads are checked against the new layer in one of two ways, both complete: the (section,
// key)s whose values changed since the last layer (layerChanges.ts: the stacks' own values compared, most
// sections as the same map object) looked up in the set of keys the computation read, or, when the stacks
// differ in shape, every read replayed (layerReads.ts).
import type { ConfigLayer } from '../config/configLayers';
import { changedValues, readAnyOf, readKeys } from '../config/layerChanges';
import { type RecordedComputation, recordReads, sameValueAndPriority, stillHolds } from '../config/layerReads';
import type { Environment } from '../environment';
import { adoptClasses, adoptResolutions, resolvedClasses } from '../resolve/classResolution';
import type { ConfigClassSchema } from '../schema/types';
import { type EnabledObjects, enabledObjects } from './enabledObjects';

interface Remembered {
  readonly selectedEnv: string | undefined;
  readonly recorded: RecordedComputation<EnabledObjects>;
  readonly keys: ReadonlySet<string>;
  /** The classes the computation resolved (on its recording layer, so every read they made is in `recorded`):
   *  while the reads hold, the lint's layer starts from them, as it does from a fresh computation's. */
  readonly classes: ReadonlyMap<string, ConfigClassSchema>;
  /** The layer the reads were last checked against (or made on). */
  readonly layer: ConfigLayer;
}

export class EnabledObjectsMemo {
  private last: Remembered | undefined;
  /** Whether the last call was answered from the previous one (for tests and profiling). */
  reusedLast = false;

  private stillHolds(last: Remembered, layer: ConfigLayer, env: Environment): boolean {
    const changed = changedValues(last.layer, layer, sameValueAndPriority);
    if (changed === undefined) return stillHolds(last.recorded, layer, env, sameValueAndPriority);
    return last.recorded.env === env || stillHolds({ ...last.recorded, reads: [] }, layer, env, sameValueAndPriority)
      ? !readAnyOf(last.keys, changed)
      : false;
  }

  enabledObjects(layer: ConfigLayer, env: Environment, selectedEnv: string | undefined): EnabledObjects {
    const last = this.last;
    if (last && last.selectedEnv === selectedEnv && this.stillHolds(last, layer, env)) {
      this.reusedLast = true;
      this.last = { ...last, layer };
      adoptClasses(layer, env, last.classes);
      return last.recorded.value;
    }
    this.reusedLast = false;
    let classes: ReadonlyMap<string, ConfigClassSchema> = new Map();
    const recorded = recordReads(layer, env, (recording) => {
      const value = enabledObjects(recording, env, selectedEnv);
      // The lint resolves the same classes on `layer` next: it starts from what this run found.
      adoptResolutions(recording, layer, env);
      classes = resolvedClasses(recording, env);
      return value;
    });
    this.last = { selectedEnv, recorded, keys: readKeys(recorded.reads), layer, classes };
    return recorded.value;
  }
}
