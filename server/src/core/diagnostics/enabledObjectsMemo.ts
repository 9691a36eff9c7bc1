// The enabled objects (enabledObjects.ts) of the previous lint, answered again while nothing they read changed.
// Working them out resolves the class and `_from` chain of every listed environment and of its engines, which
// at 20k lines (hundreds of environments in `[run] environments`) was a fifth of an edit's lint; an edit of
// any other value leaves every read the same.
//
// Why the key is complete: `enabledObjects` reads the config only through the layer's `get` and `lookup` (class
// resolution and `_from` chains included), and of each value only its value, priority and extend flag (the
// result holds names, never where a value was written); besides, it reads the environment, the selected
// environment and, for `@/path` values, the file reader. The reads and the environment are replayed by
// layerReads.ts and the selected environment is compared; this memo takes no file reader (the lint reads no
// files), so a value naming a file is read the same way each time.
import type { ConfigLayer } from '../config/configLayers';
import { type RecordedComputation, recordReads, sameValueAndPriority, stillHolds } from '../config/layerReads';
import type { Environment } from '../environment';
import { adoptResolutions } from '../resolve/classResolution';
import { type EnabledObjects, enabledObjects } from './enabledObjects';

export class EnabledObjectsMemo {
  private last:
    | { readonly selectedEnv: string | undefined; readonly recorded: RecordedComputation<EnabledObjects> }
    | undefined;
  /** Whether the last call was answered from the previous one (for tests and profiling). */
  reusedLast = false;

  enabledObjects(layer: ConfigLayer, env: Environment, selectedEnv: string | undefined): EnabledObjects {
    const last = this.last;
    if (last && last.selectedEnv === selectedEnv && stillHolds(last.recorded, layer, env, sameValueAndPriority)) {
      this.reusedLast = true;
      return last.recorded.value;
    }
    this.reusedLast = false;
    const recorded = recordReads(layer, env, (recording) => {
      const value = enabledObjects(recording, env, selectedEnv);
      // The lint resolves the same classes on `layer` next: it starts from what this run found.
      adoptResolutions(recording, layer, env);
      return value;
    });
    this.last = { selectedEnv, recorded };
    return recorded.value;
  }
}
