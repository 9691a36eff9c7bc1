// Which config files dbnd reads, in its order (config_readers._default_configuration_paths), and where it
// finds DBND_HOME (environ_dbnd_home.py). The file system is handed in, so the server, the CLI and tests agree.
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
