// The ordered list of sections a config object reads (dbnd's `_get_task_config_sections`), highest priority
// first: its own name, the `_from` chain, the class family, the full class path, then `[config]`.
// dbnd walks the `_from` chain without a visited set (a cycle hangs it); a cycle is a CycleError here.
import type { ConfigLayer } from '../config/configLayers';
import type { ConfigClassSchema } from '../schema/types';
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import { readPragma } from './classResolution';
import type { Environment } from '../environment';

/** `get_task_from_sections`: follow `_from` from `name`; a self reference ends the chain. */
export function fromChain(name: string, layer: ConfigLayer, env: Environment): DbndResult<string[], BuildError> {
  const chain: string[] = [];
  const seen = new Set([name.toLowerCase()]);
  let current = name;
  for (;;) {
    const ref = readPragma(layer, current, '_from', env);
    if (!ref || ref.value === current) return ok(chain);
    if (seen.has(ref.value.toLowerCase())) {
      return failWith({
        type: 'CycleError',
        message: `_from references form a cycle: ${[name, ...chain, ref.value].join(' -> ')} (dbnd would hang forever)`,
        origin: ref.origin,
      });
    }
    seen.add(ref.value.toLowerCase());
    chain.push(ref.value);
    current = ref.value;
  }
}

function addLowerOnce(out: string[], section: string): void {
  const lower = section.toLowerCase();
  if (!out.includes(lower)) out.push(lower);
}

/** Longer chains are deduplicated with a set (a scan per name would be quadratic in a chain's length). */
const SHORT_CHAIN = 16;

export function objectSections(name: string, cls: ConfigClassSchema, chain: readonly string[]): string[] {
  // Lower-cased, first occurrence kept. This runs for every engine and environment of a lint, where the
  // spread, map and Set were mostly garbage: a short chain (nearly all) is deduplicated by scanning the list.
  if (chain.length > SHORT_CHAIN) {
    return [...new Set([name, ...chain, cls.family, cls.classPath, 'config'].map((s) => s.toLowerCase()))];
  }
  const out: string[] = [];
  addLowerOnce(out, name);
  for (let i = 0; i < chain.length; i++) addLowerOnce(out, chain[i]);
  addLowerOnce(out, cls.family);
  addLowerOnce(out, cls.classPath);
  addLowerOnce(out, 'config');
  return out;
}
