// Which values differ between two layer stacks, key by key, so that a computation remembered with the keys it
// read (`readKeys`) is checked against an edit by looking up the few changed keys in that set, instead of
// replaying every read (layerReads.ts). An edit makes a new stack, but the file stores share every unchanged
// section's map with the last store of the same file (fileValues.ts), and a store's copy shares the maps it
// did not write to (configStore.ts), so most sections compare as the same map object and only the edited ones
// are compared key by key.
//
// Why the changed set is complete: `get(section, key)` answers from the merged view, which is the fold of the
// layers' own values of (section, key) in layer order; `lookup(sections, key)` folds the layers' own values of
// (s, key) for each s. Both read nothing else of a layer. So when the stacks have the same layers (names, in
// order) and every layer's own values of a (section, key) are the same as `same` tells, every `get` and
// `lookup` of that key answers the same. A stack of another shape gives `undefined` (compare otherwise).
import type { ConfigLayer, LayerRead } from './configLayers';
import type { ConfigStore } from './configStore';
import type { SameAnswer } from './layerReads';

/** The key of one (section, key) in the sets below: both lower-cased, as the stores hold them. */
export function valueKey(section: string, key: string): string {
  return `${section.toLowerCase()}\0${key.toLowerCase()}`;
}

/** Every (section, key) the reads asked for (a lookup asks each of its sections). */
export function readKeys(reads: readonly LayerRead[]): Set<string> {
  const keys = new Set<string>();
  for (const read of reads) {
    if (read.kind === 'get') keys.add(valueKey(read.section, read.key));
    else for (const section of read.sections) keys.add(valueKey(section, read.key));
  }
  return keys;
}

function addChanged(previous: ConfigStore, next: ConfigStore, same: SameAnswer, out: Set<string>): void {
  const compare = (name: string) => {
    const a = previous.section(name);
    const b = next.section(name);
    if (a === b) return;
    for (const [key, value] of b ?? []) {
      const old = a?.get(key);
      if (!old || !same(old, value)) out.add(valueKey(name, key));
    }
    for (const key of a?.keys() ?? []) if (!b?.has(key)) out.add(valueKey(name, key));
  };
  for (const name of next.sectionNames()) compare(name);
  for (const name of previous.sectionNames()) if (!next.section(name)) compare(name);
}

/** The (section, key)s whose values differ between the stacks, or undefined when the stacks differ in shape. */
export function changedValues(previous: ConfigLayer, next: ConfigLayer, same: SameAnswer): Set<string> | undefined {
  const out = new Set<string>();
  let a: ConfigLayer | undefined = previous;
  let b: ConfigLayer | undefined = next;
  for (; a && b; a = a.parent, b = b.parent) {
    if (a.name !== b.name) return undefined;
    if (a.delta !== b.delta) addChanged(a.delta, b.delta, same, out);
  }
  return a || b ? undefined : out;
}

/** Whether any of `changed` is in `read`. */
export function readAnyOf(read: ReadonlySet<string>, changed: ReadonlySet<string>): boolean {
  for (const key of changed) if (read.has(key)) return true;
  return false;
}
