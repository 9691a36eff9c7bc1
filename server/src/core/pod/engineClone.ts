// `engine.clone(**overrides)`: dbnd rebuilds the engine from its current values, so every str value goes through
// the parameter parser a second time ($VAR expansion, then `@` prefixes), and `_initialize()` runs again
// (FORMAT.md §6.2/§6.3). A value that was `@@text` in the file is `@text` after the first parse and is now read
// as a file reference: that breaks every real submission (case 46-err-driver-clone-reparse).
import { expandEnvVar, type Environment } from '../values/expandVars';
import { pyTruthy, type Json } from './json';
import { pythonRepr } from '../reader/pythonText';
import { fail, ok, type EngineValues, type Outcome } from './types';

/** Parameters whose value is not a Python str (a target, an enum member), so a clone does not parse them again. */
const NOT_STR_PARAMS = new Set(['engineName', 'dbnd_local_root', 'validate_no_extra_params']);

/**
 * A str parameter's parse of a string value: expansion, then `@None` → None, `@@x` → `@x`; any other `@...` would
 * load a file, a Python object or a target, which the core never does: it is reported as the error dbnd raises
 * when that file does not exist.
 */
export function parseStrParameter(raw: string, param: string, owner: string, env: Environment): Outcome<string | null> {
  const value = expandEnvVar(raw, env).value;
  if (!value.startsWith('@')) return ok(value);
  if (value === '@None') return ok(null);
  if (value.startsWith('@@')) return ok(value.slice(1));
  return fail('DatabandBuildError', `Failed to calculate value from ${pythonRepr(raw)} for parameter '${param}' at ${owner}`);
}

export interface ClonedEngine {
  readonly engine: EngineValues;
  /** The warnings `_initialize()` logs on the clone. */
  readonly logWarnings: readonly string[];
}

/** KubernetesEngineConfig._initialize's cross-key rules (SPEC §2.1), on already parsed values. */
export function applyInitializeRules(values: Record<string, Json>, logWarnings: string[]): void {
  if (pyTruthy(values.debug)) {
    logWarnings.push('Running in debug mode, setting all k8s loggers to debug, waiting for every pod completion!');
    values.detach_run = false;
  }
  if (pyTruthy(values.show_pod_log)) {
    logWarnings.push('Showing pod logs at runtime, waiting for every pod completion!');
    values.detach_run = false;
  }
  if (pyTruthy(values.auto_remove) && !pyTruthy(values.detach_run)) {
    logWarnings.push("Can't auto remove pod if not running from detach_run=True mode, switching to auto_remove=False");
    values.auto_remove = false;
  }
  if (pyTruthy(values.airflow_log_enabled) && !pyTruthy(values.trap_exit_file_flag) && pyTruthy(values.airflow_log_trap_exit_flag_default)) {
    values.trap_exit_file_flag = values.airflow_log_trap_exit_flag_default;
  }
}

/** engine.clone(**overrides) for a KubernetesEngineConfig (task family `kubernetes`). */
export function cloneEngine(engine: EngineValues, overrides: Readonly<Record<string, Json>>, env: Environment): Outcome<ClonedEngine> {
  const values: Record<string, Json> = { ...engine, ...overrides };
  for (const [param, value] of Object.entries(values)) {
    if (typeof value !== 'string' || NOT_STR_PARAMS.has(param)) continue;
    const parsed = parseStrParameter(value, param, 'kubernetes()', env);
    if (!parsed.ok) return parsed;
    values[param] = parsed.value;
  }
  const logWarnings: string[] = [];
  applyInitializeRules(values, logWarnings);
  return ok({ engine: { ...values, engineName: engine.engineName }, logWarnings });
}
