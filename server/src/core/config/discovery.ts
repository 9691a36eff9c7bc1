// Which config files dbnd reads, in its order (config_readers._default_configuration_paths), and where it
// finds DBND_HOME (environ_dbnd_home.py). The file system is handed in, so the server, the CLI and tests agree:
// `discoverProject` is the one answer to "which dbnd project does a run started in this folder see" that the
// language server (per workspace folder), `dbnd-cfg lint`/`effective`/`render-pod` and the cluster run share.
import { expandEnvVar } from '../values/expandVars';
import type { Environment } from '../environment';

export interface FileSystemView {
  isFile(path: string): boolean;
  readFile(path: string): string | undefined;
}

const MARKER_FILES = ['databand.cfg', 'project.cfg', 'databand-system.cfg'];

function join(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

function parent(dir: string): string | undefined {
  const trimmed = dir.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0 || trimmed === '') return undefined;
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

/** A `[databand]` section with dbnd_home/dbnd_system/dbnd_config in tox.ini or setup.cfg marks the project. */
function hasDatabandSection(text: string | undefined): boolean {
  if (!text) return false;
  const section = /^\[databand\][^\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(text);
  return Boolean(section && /^\s*(dbnd_home|dbnd_system|dbnd_config)\s*[=:]/m.test(section[1]));
}

/** DBND_HOME: the variable, else the first folder up from `cwd` with a dbnd marker, else the home folder. */
export function discoverDbndHome(cwd: string, env: Environment, fs: FileSystemView): string {
  if (env.DBND_HOME) return env.DBND_HOME;
  for (let dir: string | undefined = cwd; dir; dir = parent(dir)) {
    if (fs.isFile(join(dir, '.dbnd', 'databand-system.cfg'))) return dir;
    if (MARKER_FILES.some((f) => fs.isFile(join(dir as string, f)))) return dir;
    for (const f of ['tox.ini', 'setup.cfg']) {
      const path = join(dir, f);
      if (fs.isFile(path) && hasDatabandSection(fs.readFile(path))) return dir;
    }
    if (dir === '/') break;
  }
  return env.HOME ?? cwd;
}

/** The user config files dbnd loads after its package defaults, in order, that exist. */
export function configFilePaths(dbndHome: string, env: Environment, fs: FileSystemView): string[] {
  const dbndSystem =
    env.DBND_SYSTEM ??
    (fs.isFile(join(dbndHome, 'dbnd', 'databand-system.cfg')) ? join(dbndHome, 'dbnd') : join(dbndHome, '.dbnd'));
  const withHome: Environment = { ...env, DBND_HOME: dbndHome };
  const candidates = [
    '/etc/databand.cfg',
    join(dbndSystem, 'databand-system.cfg'),
    join(dbndHome, 'conf', 'databand.cfg'),
    join(dbndHome, 'databand.cfg'),
    join(dbndHome, 'project.cfg'),
    ...(env.DBND_CONFIG ? [env.DBND_CONFIG] : []),
    '~/.dbnd/databand.cfg',
  ].map((p) => expandEnvVar(p, withHome).value);
  const unitTest = /^(1|true|t|yes)$/i.test(env.DBND__UNITTEST ?? '');
  if (unitTest) candidates.push(join(dbndSystem, 'databand-test.cfg'));
  return [...new Set(candidates)].filter((p) => fs.isFile(p));
}

/** A path given relative to `folder` (a setting), as an absolute path with `.` and `..` resolved. */
export function resolveIn(folder: string, path: string): string {
  // Absolute already: POSIX, or a Windows drive or UNC path.
  if (/^([\\/]|[A-Za-z]:[\\/])/.test(path)) return path;
  // A Windows folder (as the server gets it from a file: URI there) keeps its separator.
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const out: string[] = [];
  for (const part of `${folder}${sep}${path}`.split(/[\\/]+/)) {
    if (part === '..') {
      if (out.length > 1) out.pop();
    } else if (part !== '.') out.push(part);
  }
  return out.join(sep) || sep;
}

/** The dbnd project a run started in a folder sees. */
export interface DiscoveredProject {
  readonly dbndHome: string;
  /** The run's environment with DBND_HOME set, as dbnd's bootstrap sets it (`${DBND_HOME}` in values). */
  readonly env: Environment;
  /** The config files read after the packaged defaults, in dbnd's order, then the extra files; each once. */
  readonly paths: readonly string[];
}

/**
 * DBND_HOME from `folder`, dbnd's config files in its order, then `extraConfigFiles` (relative to `folder`;
 * as `DBND_CONFIG` or `--conf` would add them), keeping those that exist (docs/dbnd-rules.md §1.5).
 */
export function discoverProject(
  folder: string,
  env: Environment,
  fs: FileSystemView,
  extraConfigFiles: readonly string[] = [],
): DiscoveredProject {
  const dbndHome = discoverDbndHome(folder, env, fs);
  const withHome: Environment = { ...env, DBND_HOME: dbndHome };
  const extra = extraConfigFiles.map((f) => resolveIn(folder, f)).filter((p) => fs.isFile(p));
  return { dbndHome, env: withHome, paths: [...new Set([...configFilePaths(dbndHome, withHome, fs), ...extra])] };
}
