// The files, environment and file reader of a run (the core's RunRequest fields) as the run reads them: DBND_HOME, dbnd's file list and every text from the disk as it is now, never
// an open document's unsaved text. dbnd and the image build read the disk, so the extension saves the project's
// dbnd files before it asks for a run, and the server prepares the run from what was saved.
import type { Environment } from '../../core/environment';
import type { RunRequest } from '../../core/run';
import { discoverFolderProject, type ProjectSettings } from '../../ide/projectAnalysis';

/** `environment` has DBND_HOME set, as dbnd's bootstrap sets it. */
export function savedRunFiles(
  folder: string,
  baseEnv: Environment,
  settings: ProjectSettings,
  readDisk: (path: string) => string | undefined,
): Pick<RunRequest, 'files' | 'environment' | 'readFile'> {
  const project = discoverFolderProject(folder, baseEnv, settings, {
    isFile: (p) => readDisk(p) !== undefined,
    readFile: readDisk,
  });
  return {
    files: project.paths.flatMap((path) => {
      const text = readDisk(path);
      return text === undefined ? [] : [{ path, text }];
    }),
    environment: project.env,
    readFile: readDisk,
  };
}
