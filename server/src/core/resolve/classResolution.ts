// Which config class a section name builds (dbnd's task registry `_get_task_cls`): a registered family or
// class path first (a `_type` there is ignored), then `[N] _type`, then `[N] _from`, then a dotted name imported.
// dbnd recurses without a visited set; a cycle is reported here as CycleError instead of recursing forever.
import type { ConfigLayer } from '../config/configLayers';
import type { ValueOrigin } from '../config/configValue';
import { importableClass, registeredClass } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import { expandEnvVar } from '../values/expandVars';
import { type BuildError } from './buildError';
import { type DbndResult, failWith, ok } from '../result';
import type { Environment } from '../environment';

export interface PragmaValue {
  readonly value: string;
  readonly origin: ValueOrigin;
}

/** `config.get(section, key)`: the merged value, `$VAR`-expanded, with `@None` meaning no value. */
export function readPragma(
  layer: ConfigLayer,
  section: string,
  key: '_type' | '_from',
  env: Environment,
): PragmaValue | undefined {
  const cv = layer.get(section, key);
  if (!cv || cv.value === null) return undefined;
  let value = expandEnvVar(String(cv.value), env).value;
  if (value.startsWith('@')) {
    const rest = value.slice(1);
    if (rest.startsWith('@')) value = rest;
    else if (rest.toLowerCase() === 'none') return undefined;
  }
  return value ? { value, origin: cv.origin } : undefined;
}

export function classNotFound(name: string): BuildError {
  return {
    type: 'TaskClassNotFoundException',
    message:
      `Could not find the requested task/function '${name}'\n` +
      'Please check the requested name, make sure the correct module installed, validate the value or add ' +
      `[${name}]_type=EXPECTEDTYPE to configuration`,
  };
}

function cycleError(chain: readonly string[], origin: ValueOrigin | undefined): BuildError {
  return {
    type: 'CycleError',
    message: `_type/_from references form a cycle: ${chain.join(' -> ')} (dbnd would recurse or hang forever)`,
    origin,
  };
}

/**
 * Python's default recursion limit. `_get_task_cls` calls itself once per `_type`/`_from` step, so a longer
 * chain makes dbnd raise RecursionError (a little earlier in practice: dbnd's own frames are on the stack too).
 */
export const MAX_CLASS_CHAIN_DEPTH = 1000;

/** The class `name` builds, or dbnd's error (TaskClassNotFoundException, CycleError, RecursionError, ...). */
export function resolveConfigClass(
  name: string,
  layer: ConfigLayer,
  env: Environment,
): DbndResult<ConfigClassSchema, BuildError> {
  // dbnd recurses once per step; walked here as a loop so a long chain cannot overflow the JS stack.
  const visiting: string[] = [];
  const visited = new Set<string>();
  let cycleOrigin: ValueOrigin | undefined;
  let current = name;
  for (;;) {
    const registered = registeredClass(current);
    if (registered) return ok(registered);
    if (visited.has(current)) return failWith(cycleError([...visiting, current], cycleOrigin));
    if (visiting.length >= MAX_CLASS_CHAIN_DEPTH) {
      return failWith({
        type: 'RecursionError',
        message: `maximum recursion depth exceeded (the _type/_from chain from [${name}] is longer than ${MAX_CLASS_CHAIN_DEPTH} sections)`,
        origin: cycleOrigin,
      });
    }
    visiting.push(current);
    visited.add(current);
    let next: string | undefined;
    for (const pragma of ['_type', '_from'] as const) {
      const ref = readPragma(layer, current, pragma, env);
      if (!ref) continue;
      if (ref.value === current) {
        return failWith({
          type: 'DatabandConfigError',
          message: `Recursive ${pragma} definition: [${current}] ${pragma} = ${current}`,
          origin: ref.origin,
        });
      }
      cycleOrigin = ref.origin;
      next = ref.value;
      break;
    }
    if (next !== undefined) {
      current = next;
      continue;
    }
    if (current.includes('.')) {
      const imported = importableClass(current);
      if (imported) return ok(imported);
      const module = current.slice(0, current.lastIndexOf('.'));
      return failWith({
        type: 'DatabandError',
        message: `Failed to import module '${module}' for task name '${current}'`,
      });
    }
    return failWith(classNotFound(name));
  }
}
