// A computation over the layered config remembered with the reads it made, so that it is answered again without
// being run when an edit changed nothing it read. An edit makes a new layer, but the file stores share every
// unchanged section's ConfigValue objects with the last store of the same file (fileValues.ts), so "nothing it
// read changed" is checked by asking the new layer each recorded question again and comparing the answers with
// the fields of a ConfigValue the computation reads (`sameAnswer`, chosen by the caller): an edit re-reads the
// section it touches, so the values of its other keys are new objects with the same content.
//
// Why that is complete for a computation that reads the config only through `ConfigLayer.get` and `lookup`
// (which is what `ConfigLayer.recording` sees), reads of each answer only what `sameAnswer` compares, and is
// otherwise a function of the environment: it runs the same steps on the same answers, so it returns the same
// result. The environment is compared key by key. A computation that reads anything else (files through
// `@/path`, the layer's stores directly) must not be remembered this way.
import type { ConfigLayer, LayerRead } from './configLayers';
import type { ConfigValue } from './configValue';
import type { Environment } from '../environment';

export interface RecordedComputation<T> {
  readonly value: T;
  readonly reads: readonly LayerRead[];
  readonly env: Environment;
}

/** Runs `compute` on a recording copy of `layer`, keeping every read it made. */
export function recordReads<T>(
  layer: ConfigLayer,
  env: Environment,
  compute: (layer: ConfigLayer) => T,
): RecordedComputation<T> {
  const reads: LayerRead[] = [];
  const value = compute(layer.recording(reads));
  return { value, reads, env };
}

export function sameEnvironment(a: Environment, b: Environment): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k] || !Object.prototype.hasOwnProperty.call(b, k)) return false;
  return true;
}

/** Whether two answers are the same for a computation; `undefined` is no value. */
export type SameAnswer = (a: ConfigValue, b: ConfigValue) => boolean;

/**
 * The same value as far as a computation that reads only `value`, `priority` and `extend` can tell (it never
 * reads where a value was written: `source`, `origin`). A value that is not a string (task_config's objects)
 * must be the same object.
 */
export const sameValueAndPriority: SameAnswer = (a, b) =>
  a === b || (a.value === b.value && a.priority === b.priority && a.extend === b.extend);

function sameStack(a: readonly ConfigValue[], b: readonly ConfigValue[], same: SameAnswer): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/** Whether `layer` and `env` answer every read of `recorded` as it was answered (so its value still holds). */
export function stillHolds(
  recorded: RecordedComputation<unknown>,
  layer: ConfigLayer,
  env: Environment,
  same: SameAnswer,
): boolean {
  if (!sameEnvironment(recorded.env, env)) return false;
  for (const read of recorded.reads) {
    if (read.kind === 'get') {
      const now = layer.get(read.section, read.key);
      if (now !== read.answer && (now === undefined || read.answer === undefined || !same(now, read.answer)))
        return false;
    } else if (!sameStack(layer.lookup(read.sections, read.key), read.answer, same)) return false;
  }
  return true;
}
