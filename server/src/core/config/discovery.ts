// Which config files dbnd reads, in its order (config_readers._default_configuration_paths), and where it
// finds DBND_HOME, DBND_SYSTEM and DBND_CONFIG (environ_dbnd_home.py). The file system is handed in, so the
// server, the CLI and tests agree: `discoverProject` is the one answer to "which dbnd project does a run started
// in this folder see" that the language server (per workspace folder), `dbnd-cfg lint`/`effective`/`render-pod`
// and the cluster run share.
import { expandEnvVar } from '../values/expandVars';
import { parseCfg } from '../reader';
import type { Environment } from '../environment';

export interface FileSystemView {
  isFile(path: string): boolean;
  readFile(path: string): string | undefined;
}

const MARKER_FILES = ['databand.cfg', 'project.cfg', 'databand-system.cfg'];

/** The `[databand]` keys of tox.ini/setup.cfg dbnd turns into variables (each upper-cased: DBND_HOME, ...). */
export const HOME_FILE_KEYS = ['dbnd_home', 'dbnd_system', 'dbnd_config'] as const;

function join(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

function parent(dir: string): string | undefined {
  const trimmed = dir.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0 || trimmed === '') return undefined;
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

/** os.path.abspath(os.path.join(folder, path)) for POSIX paths: `.`, `..` and trailing slashes resolved. */
function absJoin(folder: string, path: string): string {
  const out: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${folder}/${path}`).split('/')) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return `/${out.join('/')}`;
}

/**
 * The `dbnd_home`/`dbnd_system`/`dbnd_config` values of a tox.ini/setup.cfg `[databand]` section, as
 * `_process_cfg` reads them: a stock ConfigParser (the section name is case-sensitive there, the keys are not),
 * each value made absolute relative to the file's folder. A file configparser cannot read counts as none
 * (dbnd prints "Failed to process" and goes on).
 */
function homeFileValues(text: string | undefined, folder: string): [string, string][] {
  if (!text || !text.includes('[databand]')) return [];
  const doc = parseCfg(text);
  if (doc.raisedError) return [];
  const section = doc.parser.sections.find((s) => s.name === 'databand');
  if (!section) return [];
  const out: [string, string][] = [];
  for (const key of HOME_FILE_KEYS) {
    const value = section.options.find((o) => o.key === key)?.value;
    if (value !== undefined && value !== null) out.push([key.toUpperCase(), absJoin(folder, value)]);
  }
  return out;
}

/** Where dbnd's bootstrap takes DBND_HOME, DBND_SYSTEM and DBND_CONFIG from (environ_dbnd_home.py). */
export interface DbndDirs {
  readonly DBND_HOME: string;
  /** `$DBND_SYSTEM`: the variable, a tox.ini/setup.cfg `dbnd_system`, else `$DBND_HOME/.dbnd` (or legacy `dbnd`). */
  readonly DBND_SYSTEM: string;
  /** `$DBND_CONFIG`: the variable or a tox.ini/setup.cfg `dbnd_config`; undefined when neither sets it. */
  readonly DBND_CONFIG?: string;
  /** The tox.ini/setup.cfg that set each variable the walk set (absent for a variable that came from the env). */
  readonly setBy: Readonly<Record<string, string>>;
}

/**
 * dbnd's bootstrap (`__initialize_dbnd_home_environ`): with DBND_HOME set, nothing is looked for. Otherwise it
 * walks up from `cwd`; at each folder, `.dbnd/databand-system.cfg` makes it DBND_HOME and ends the walk; else a
 * tox.ini then setup.cfg `[databand]` section sets DBND_HOME/DBND_SYSTEM/DBND_CONFIG from its keys (relative to
 * that file; a variable already set, by the env or a deeper file, is kept) without ending the walk; then a marker
 * file (databand.cfg, project.cfg, databand-system.cfg) makes the folder DBND_HOME (unless already set) and ends
 * it. Without an end the user's home folder is DBND_HOME (again unless set). docs/dbnd-rules.md §1.5.
 */
export function discoverDbndDirs(cwd: string, env: Environment, fs: FileSystemView): DbndDirs {
  const vars: Record<string, string | undefined> = {
    DBND_HOME: env.DBND_HOME || undefined,
    DBND_SYSTEM: env.DBND_SYSTEM || undefined,
    DBND_CONFIG: env.DBND_CONFIG || undefined,
  };
  const setBy: Record<string, string> = {};
  // set_env_dir: only a variable not set yet.
  const setDir = (name: string, value: string, by?: string) => {
    if (vars[name] !== undefined) return;
    vars[name] = value;
    if (by) setBy[name] = by;
  };
  if (!vars.DBND_HOME) {
    let found = false;
    for (let dir: string | undefined = cwd; dir && !found; dir = dir === '/' ? undefined : parent(dir)) {
      if (fs.isFile(join(dir, '.dbnd', 'databand-system.cfg'))) {
        setDir('DBND_HOME', dir);
        found = true;
        break;
      }
      for (const name of ['tox.ini', 'setup.cfg']) {
        const path = join(dir, name);
        if (!fs.isFile(path)) continue;
        for (const [key, value] of homeFileValues(fs.readFile(path), dir)) setDir(key, value, path);
      }
      if (MARKER_FILES.some((f) => fs.isFile(join(dir as string, f)))) {
        setDir('DBND_HOME', dir);
        found = true;
      }
    }
    if (!found) setDir('DBND_HOME', env.HOME ?? cwd);
  }
  const home = vars.DBND_HOME as string;
  const system =
    vars.DBND_SYSTEM ??
    (!fs.isFile(join(home, '.dbnd', 'databand-system.cfg')) && fs.isFile(join(home, 'dbnd', 'databand-system.cfg'))
      ? join(home, 'dbnd')
      : join(home, '.dbnd'));
  return {
    DBND_HOME: home,
    DBND_SYSTEM: system,
    ...(vars.DBND_CONFIG ? { DBND_CONFIG: vars.DBND_CONFIG } : {}),
    setBy,
  };
}

/** DBND_HOME: the variable, else what dbnd's walk up from `cwd` finds, else the home folder. */
export function discoverDbndHome(cwd: string, env: Environment, fs: FileSystemView): string {
  return discoverDbndDirs(cwd, env, fs).DBND_HOME;
}

/** The user config files dbnd loads after its package defaults, in order, that exist. */
export function configFilePaths(dbndHome: string, env: Environment, fs: FileSystemView): string[] {
  const dbndSystem =
    env.DBND_SYSTEM ||
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
  /**
   * The run's environment with DBND_HOME and DBND_SYSTEM set, and DBND_CONFIG when a tox.ini/setup.cfg set it,
   * as dbnd's bootstrap sets them (`${DBND_HOME}` in values).
   */
  readonly env: Environment;
  /** The config files read after the packaged defaults, in dbnd's order, then the extra files; each once. */
  readonly paths: readonly string[];
  /** The tox.ini/setup.cfg files whose `[databand]` section set DBND_HOME, DBND_SYSTEM or DBND_CONFIG. */
  readonly homeFiles: readonly string[];
  /**
   * `$DBND_HOME/databand-system.cfg` when it exists but is not `$DBND_SYSTEM/databand-system.cfg`: it marks
   * DBND_HOME, yet dbnd never reads it (it reads the system file only from `$DBND_SYSTEM`, `.dbnd/` by default).
   */
  readonly misplacedSystemFile?: string;
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
  const dirs = discoverDbndDirs(folder, env, fs);
  const dbndHome = dirs.DBND_HOME;
  const withHome: Environment = {
    ...env,
    DBND_HOME: dbndHome,
    DBND_SYSTEM: dirs.DBND_SYSTEM,
    ...(dirs.DBND_CONFIG ? { DBND_CONFIG: dirs.DBND_CONFIG } : {}),
  };
  const extra = extraConfigFiles.map((f) => resolveIn(folder, f)).filter((p) => fs.isFile(p));
  const paths = [...new Set([...configFilePaths(dbndHome, withHome, fs), ...extra])];
  const rootSystem = join(dbndHome, 'databand-system.cfg');
  const misplaced = fs.isFile(rootSystem) && !paths.includes(rootSystem) ? rootSystem : undefined;
  return {
    dbndHome,
    env: withHome,
    paths,
    homeFiles: [...new Set(Object.values(dirs.setBy))],
    ...(misplaced ? { misplacedSystemFile: misplaced } : {}),
  };
}
