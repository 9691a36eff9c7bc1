// CPython's posixpath functions dbnd calls on values: expandvars and expanduser (dbnd's expand_env_var) and
// dirname (the live-logs sidecar's trap folder), against an explicit environment instead of os.environ.
import type { Environment } from '../environment';

// posixpath._varprog: \$(\w+|\{[^}]*\}) with re.ASCII.
const VAR_PATTERN = /\$([A-Za-z0-9_]+|\{[^}]*\})/g;

/** posixpath.expandvars: unknown variables are left as written. */
export function pyExpandVars(path: string, env: Environment): string {
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

/** posixpath.expanduser. `~user` cannot be looked up here, so it stays as written. */
export function pyExpandUser(path: string, env: Environment): string {
  if (!path.startsWith('~')) return path;
  let i = path.indexOf('/', 1);
  if (i < 0) i = path.length;
  if (i !== 1) return path;
  const home = env.HOME;
  if (home === undefined) return path;
  const userhome = home.replace(/\/+$/, '');
  return userhome + path.slice(i) || '/';
}

/** posixpath.dirname. */
export function pyDirname(path: string): string {
  const head = path.slice(0, path.lastIndexOf('/') + 1);
  return head && head !== '/'.repeat(head.length) ? head.replace(/\/+$/, '') : head;
}
