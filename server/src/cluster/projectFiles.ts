// The config files `dbnd run` started in a folder reads, from disk: DBND_HOME found from the folder as dbnd finds
// it (docs/dbnd-rules.md §1.5), dbnd's files in its order, then the editor's extra files. A run reads the files on
// disk, as dbnd does, so the editor saves its dbnd documents before it calls this.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { discoverProject } from '../core/config/discovery';
import type { Environment } from '../core/environment';
import type { RunFile } from '../core/run';

export interface ProjectRunFiles {
  readonly dbndHome: string;
  readonly files: readonly RunFile[];
  /** The environment with DBND_HOME set, as dbnd's bootstrap sets it for `${DBND_HOME}` in values. */
  readonly env: Environment;
  readonly readFile: (path: string) => string | undefined;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
const readFile = (path: string) => (isFile(path) ? readFileSync(path, 'utf8') : undefined);

export function projectRunFiles(
  folder: string,
  env: Environment,
  extraConfigFiles: readonly string[] = [],
): ProjectRunFiles {
  const project = discoverProject(folder, env, { isFile, readFile }, extraConfigFiles);
  return {
    dbndHome: project.dbndHome,
    env: project.env,
    files: project.paths.map((path) => ({ path, text: readFileSync(path, 'utf8') })),
    readFile,
  };
}
