// Which config class a section name builds (dbnd's task registry `_get_task_cls`): a registered family or
// class path first (a `_type` there is ignored), then `[N] _type`, then `[N] _from`, then a dotted name imported.
// dbnd recurses without a visited set, so a cycle ends in Python's RecursionError; it is reported here in
// dbnd's words as soon as the walk comes back to a section, instead of recursing a thousand times.
import type { ConfigLayer } from '../config/configLayers';
import type { ValueOrigin } from '../config/configValue';
import { importableClass, registeredClass } from '../schema';
import type { ConfigClassSchema } from '../schema/types';
import { ALL_CONFIG_CLASSES } from '../schema/allClasses';
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
  // One map per pragma, keyed by the section's name as given: a `${key}\0${section}` key was a new string (made
  // and hashed) on every call, and `_from` chains ask this thousands of times in a lint.
  const memo = memoFor(layer, env);
  const pragmas = key === '_type' ? memo.typePragmas : memo.fromPragmas;
  const known = pragmas.get(section);
  if (known !== undefined || pragmas.has(section)) return known;
  const value = readPragmaOnce(layer, section, key, env);
  pragmas.set(section, value);
  return value;
}

function readPragmaOnce(
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

/** What Python says when `_get_task_cls` recurses past the limit, as dbnd surfaces it (conformance case 35). */
export const RECURSION_MESSAGE = 'maximum recursion depth exceeded while calling a Python object';

function cycleError(chain: readonly string[], origin: ValueOrigin | undefined): BuildError {
  return { type: 'RecursionError', message: RECURSION_MESSAGE, origin, cycle: chain };
}

/**
 * Python's default recursion limit. `_get_task_cls` calls itself once per `_type`/`_from` step, so a longer
 * chain makes dbnd raise RecursionError (a little earlier in practice: dbnd's own frames are on the stack too).
 */
export const MAX_CLASS_CHAIN_DEPTH = 1000;

/** The class `name` builds, or dbnd's error (TaskClassNotFoundException, RecursionError on a cycle, ...). */
export function resolveConfigClass(
  name: string,
  layer: ConfigLayer,
  env: Environment,
): DbndResult<ConfigClassSchema, BuildError> {
  // One lint resolves every section, and the sections of a `_from` chain share its tail: resolving each one by
  // walking the whole chain again made a 5000-deep chain cost 5000 × 1000 steps. Results, the steps of each
  // section and the distance to the chain's end are kept per layer (see memoFor), so a chain is walked once.
  const memo = memoFor(layer, env);
  const known = memo.classes.get(name);
  if (known) return known;
  const tail = tailOf(name, memo, layer, env);
  const result = tail === 'cycle' ? walkConfigClass(name, layer, env) : resolveAlongTail(name, tail, memo, layer, env);
  memo.classes.set(name, result);
  return result;
}

/**
 * dbnd's `_get_task_cls`, step by step from `name`: the reference the memoized path must agree with, and the
 * path taken when the chain runs into a cycle (the cycle's message lists the chain from `name`).
 */
export function walkConfigClass(
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
    if (visiting.length >= MAX_CLASS_CHAIN_DEPTH) return failWith(recursionError(cycleOrigin));
    visiting.push(current);
    visited.add(current);
    const step = stepOf(current, layer, env);
    if (step.kind === 'selfRef') return failWith(step.error);
    if (step.kind === 'next') {
      cycleOrigin = step.origin;
      current = step.next;
      continue;
    }
    return endOfChain(name, current);
  }
}

function recursionError(origin: ValueOrigin | undefined): BuildError {
  return { type: 'RecursionError', message: RECURSION_MESSAGE, origin };
}

/** A section with neither a registered name nor a pragma: a class path dbnd imports, or not found. */
function endOfChain(name: string, current: string): DbndResult<ConfigClassSchema, BuildError> {
  if (current.includes('.')) {
    const imported = importableClass(current);
    if (imported) return ok(imported);
    const module = current.slice(0, current.lastIndexOf('.'));
    // A module dbnd ships imports fine; the class is then simply not there (get_task_cls: task_not_exist).
    if (SHIPPED_MODULES.has(module)) return failWith(classNotFound(name));
    return failWith(moduleNotLoaded(module));
  }
  return failWith(classNotFound(name));
}

/** The modules (and their packages) of the classes dbnd and the dbnd-run/dbnd-docker plugins ship. */
const SHIPPED_MODULES: ReadonlySet<string> = new Set(
  ALL_CONFIG_CLASSES.flatMap((cls) => {
    const parts = cls.classPath.split('.').slice(0, -1);
    return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  }),
);

/**
 * load_python_module's failure (friendly_error.failed_to_import_user_module): Python names the first package of
 * the path that is not there; for a `dbnd*` module dbnd asks whether its package is installed.
 */
function moduleNotLoaded(module: string): BuildError {
  const parts = module.split('.');
  let missing = parts[0];
  for (let i = 1; i <= parts.length; i++) {
    missing = parts.slice(0, i).join('.');
    if (!SHIPPED_MODULES.has(missing)) break;
  }
  const top = parts[0];
  const tip = top.startsWith('dbnd') ? `Do you have '${top.replaceAll('_', '-')}' installed?` : '';
  return {
    type: 'DatabandError',
    message: `Module '${module}' can not be loaded: ${tip} exception: ModuleNotFoundError: No module named '${missing}'.`,
  };
}

/** What one section contributes to the walk: a registered class, an error, the next section, or the end. */
type ChainStep =
  | { readonly kind: 'registered'; readonly cls: ConfigClassSchema }
  | { readonly kind: 'selfRef'; readonly error: BuildError }
  | { readonly kind: 'next'; readonly next: string; readonly origin: ValueOrigin }
  | { readonly kind: 'end' };

function stepOf(current: string, layer: ConfigLayer, env: Environment): ChainStep {
  const steps = memoFor(layer, env).steps;
  let step = steps.get(current);
  if (step) return step;
  step = computeStep(current, layer, env);
  steps.set(current, step);
  return step;
}

function computeStep(current: string, layer: ConfigLayer, env: Environment): ChainStep {
  const registered = registeredClass(current);
  if (registered) return { kind: 'registered', cls: registered };
  for (const pragma of ['_type', '_from'] as const) {
    const ref = readPragma(layer, current, pragma, env);
    if (!ref) continue;
    if (ref.value === current) {
      return {
        kind: 'selfRef',
        error: {
          type: 'DatabandConfigError',
          // friendly_error.config.task_name_and_from_are_the_same, with dbnd's own argument order.
          message:
            `Your [${pragma}] defined using _type=${current}. System can't handle recursive type resolving. ` +
            `Probably you are missing the module that has '${current}' defined. `,
          origin: ref.origin,
        },
      };
    }
    return { kind: 'next', next: ref.value, origin: ref.origin };
  }
  return { kind: 'end' };
}

/** How many steps from a section to the last section of its chain (one that is not `next`), and that section. */
interface Tail {
  readonly distance: number;
  readonly last: string;
}

/** The tail of `name`'s chain, or 'cycle' when following `next` steps comes back to a section already seen. */
function tailOf(name: string, memo: ResolutionMemo, layer: ConfigLayer, env: Environment): Tail | 'cycle' {
  const path: string[] = [];
  const onPath = new Set<string>();
  let current = name;
  let end: Tail | 'cycle';
  for (;;) {
    const known = memo.tails.get(current);
    if (known) {
      end = known;
      break;
    }
    if (onPath.has(current)) {
      end = 'cycle';
      break;
    }
    const step = stepOf(current, layer, env);
    if (step.kind !== 'next') {
      end = { distance: 0, last: current };
      memo.tails.set(current, end);
      break;
    }
    path.push(current);
    onPath.add(current);
    current = step.next;
  }
  // Every section walked on the way shares the end: one step further from it per section back.
  for (let i = path.length - 1, distance = 1; i >= 0; i--, distance++) {
    memo.tails.set(path[i], end === 'cycle' ? 'cycle' : { distance: end.distance + distance, last: end.last });
  }
  return memo.tails.get(name)!;
}

/** What walkConfigClass returns for a chain without a cycle, from its tail instead of a walk. */
function resolveAlongTail(
  name: string,
  tail: Tail,
  memo: ResolutionMemo,
  layer: ConfigLayer,
  env: Environment,
): DbndResult<ConfigClassSchema, BuildError> {
  const last = stepOf(tail.last, layer, env);
  // The walk checks a registered class before the depth, so a class exactly MAX steps away still resolves.
  if (last.kind === 'registered' && tail.distance <= MAX_CLASS_CHAIN_DEPTH) return ok(last.cls);
  if (tail.distance < MAX_CLASS_CHAIN_DEPTH) {
    if (last.kind === 'selfRef') return failWith(last.error);
    return endOfChain(name, tail.last);
  }
  // RecursionError names the origin of the step that reached the limit: the pragma of the section MAX-1 steps on.
  const step = stepOf(ahead(name, MAX_CLASS_CHAIN_DEPTH - 1, memo, layer, env), layer, env);
  return failWith(recursionError(step.kind === 'next' ? step.origin : undefined));
}

/** How many `next` steps a jump pointer skips. */
const JUMP = 32;

/**
 * The section `count` `next` steps on from `name` (its chain must be that long). Jump pointers, kept per layer,
 * make this a few dozen lookups, so every section of a long chain can name its RecursionError's origin.
 */
function ahead(name: string, count: number, memo: ResolutionMemo, layer: ConfigLayer, env: Environment): string {
  const next = (section: string) => (stepOf(section, layer, env) as { next: string }).next;
  let current = name;
  let left = count;
  for (; left >= JUMP; left -= JUMP) {
    let jumped = memo.jumps.get(current);
    if (jumped === undefined) {
      jumped = current;
      for (let i = 0; i < JUMP; i++) jumped = next(jumped);
      memo.jumps.set(current, jumped);
    }
    current = jumped;
  }
  for (; left > 0; left--) current = next(current);
  return current;
}

/** What one layer's resolution has found so far (a layer and an environment are fixed once built). */
interface ResolutionMemo {
  readonly typePragmas: Map<string, PragmaValue | undefined>;
  readonly fromPragmas: Map<string, PragmaValue | undefined>;
  readonly steps: Map<string, ChainStep>;
  readonly tails: Map<string, Tail | 'cycle'>;
  readonly jumps: Map<string, string>;
  readonly classes: Map<string, DbndResult<ConfigClassSchema, BuildError>>;
}

const memos = new WeakMap<ConfigLayer, WeakMap<Environment, ResolutionMemo>>();

/**
 * The memo of a layer read with an environment. A ConfigLayer never changes after it is built (a new value makes
 * a new layer), and a lint or an editor snapshot keeps using the same layer and environment objects, so the memo
 * lives exactly as long as the layer it describes.
 */
function memoFor(layer: ConfigLayer, env: Environment): ResolutionMemo {
  let byEnv = memos.get(layer);
  if (!byEnv) memos.set(layer, (byEnv = new WeakMap()));
  let memo = byEnv.get(env);
  if (!memo)
    byEnv.set(
      env,
      (memo = {
        typePragmas: new Map(),
        fromPragmas: new Map(),
        steps: new Map(),
        tails: new Map(),
        jumps: new Map(),
        classes: new Map(),
      }),
    );
  return memo;
}

/**
 * Lets `layer` start from what resolution found on `recording`, a recording copy of it (ConfigLayer.recording):
 * the copy answers every `get` and `lookup` exactly as `layer` does (the same stores), so everything its memo
 * holds is what `layer`'s would. The recording copy starts empty so that its computation's reads are all noted;
 * without this, a computation recorded on it and a lint on `layer` resolved the same classes twice.
 */
export function adoptResolutions(recording: ConfigLayer, layer: ConfigLayer, env: Environment): void {
  const found = memos.get(recording)?.get(env);
  if (!found) return;
  let byEnv = memos.get(layer);
  if (!byEnv) memos.set(layer, (byEnv = new WeakMap()));
  if (!byEnv.has(env)) byEnv.set(env, found);
}

/** The classes resolution found on `layer` with `env` (errors left out: they name where a value was written). */
export function resolvedClasses(layer: ConfigLayer, env: Environment): ReadonlyMap<string, ConfigClassSchema> {
  const found = new Map<string, ConfigClassSchema>();
  for (const [name, result] of memos.get(layer)?.get(env)?.classes ?? []) if (result.ok) found.set(name, result.value);
  return found;
}

/**
 * Lets `layer` start from classes resolved on another layer, for a caller that checked that every read their
 * resolution made answers the same on `layer` (enabledObjectsMemo.ts). A class is read from `_type`/`_from`
 * values (value only, `$VAR`-expanded with `env`) and the static registry, and holds no origin, so it is what
 * `layer` would resolve. Names `layer` already resolved keep their own result.
 */
export function adoptClasses(
  layer: ConfigLayer,
  env: Environment,
  classes: ReadonlyMap<string, ConfigClassSchema>,
): void {
  const memo = memoFor(layer, env);
  for (const [name, cls] of classes) if (!memo.classes.has(name)) memo.classes.set(name, ok(cls));
}
