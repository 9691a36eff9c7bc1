// dbnd expands `$VAR`, `${VAR}` and a leading `~` in every string value before parsing it by type
// (ParameterDefinition → expand_env_var), repeating os.path.expandvars + os.path.expanduser until the value
// stops changing (the posixpath ports live in python/path).
import type { Environment } from '../environment';
import { pyExpandUser, pyExpandVars } from '../python';

/** A value whose expansion never settles (`A=x$A`) would loop forever in dbnd; we stop here and say so. */
export const MAX_EXPANSION_ROUNDS = 100;

export interface ExpansionResult {
  readonly value: string;
  /** True when the value kept growing: dbnd itself would never finish expanding it. */
  readonly diverged: boolean;
}

/** dbnd's expand_env_var: expandvars then expanduser, repeated until a fixed point. */
export function expandEnvVar(value: string, env: Environment): ExpansionResult {
  if (!value) return { value, diverged: false };
  let current = value;
  for (let round = 0; round < MAX_EXPANSION_ROUNDS; round++) {
    const next = pyExpandUser(pyExpandVars(current, env), env);
    if (next === current) return { value: next, diverged: false };
    current = next;
  }
  return { value: current, diverged: true };
}
