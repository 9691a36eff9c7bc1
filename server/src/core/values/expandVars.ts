// dbnd expands `$VAR`, `${VAR}` and a leading `~` in every string value before parsing it by type
// (ParameterDefinition → expand_env_var), repeating os.path.expandvars + os.path.expanduser until the value
// stops changing. These are faithful ports of CPython's posixpath functions, against an explicit environment.

/** The process environment a value is expanded against (never read from `process.env` inside the core). */
export type Environment = Readonly<Record<string, string | undefined>>;

// posixpath._varprog: \$(\w+|\{[^}]*\}) with re.ASCII.
const VAR_PATTERN = /\$([A-Za-z0-9_]+|\{[^}]*\})/g;

/** CPython's posixpath.expandvars: unknown variables are left as written. */
export function expandVars(path: string, env: Environment): string {
  if (!path.includes('$')) return path;
  let i = 0;
  for (;;) {
    VAR_PATTERN.lastIndex = i;
    const m = VAR_PATTERN.exec(path);
    if (!m) return path;
    const start = m.index;
    const end = start + m[0].length;
    let name = m[1];
    if (name.startsWith('{') && name.endsWith('}')) name = name.slice(1, -1);
    const value = Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined;
    if (value === undefined) {
      i = end;
    } else {
      const tail = path.slice(end);
      path = path.slice(0, start) + value;
      i = path.length;
      path += tail;
    }
  }
}

/** CPython's posixpath.expanduser. `~user` cannot be looked up here, so it stays as written. */
export function expandUser(path: string, env: Environment): string {
  if (!path.startsWith('~')) return path;
  let i = path.indexOf('/', 1);
  if (i < 0) i = path.length;
  if (i !== 1) return path;
  const home = env.HOME;
  if (home === undefined) return path;
  const userhome = home.replace(/\/+$/, '');
  return userhome + path.slice(i) || '/';
}

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
    const next = expandUser(expandVars(current, env), env);
    if (next === current) return { value: next, diverged: false };
    current = next;
  }
  return { value: current, diverged: true };
}
