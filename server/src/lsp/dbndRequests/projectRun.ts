// The project a custom request is about, from the project model: the config files `dbnd run` started in the
// workspace folder reads (open documents' text first) — exactly those, without the editor-only extra file that
// diagnostics of an unread document add — its environment and its default dbnd environment (a setting).
import { pathToFileURL } from 'node:url';
import type { RunRequest } from '../../core/run';
import type { Analysis } from '../../ide/analysis';
import { uriToPath } from '../documentPaths';
import type { ServerState } from '../serverState';

export interface ProjectRun {
  readonly analysis: Analysis;
  /** The request fields every run of this project shares: files, environment, file reader. */
  readonly base: Pick<RunRequest, 'files' | 'environment' | 'readFile'>;
  /** `databand.defaultEnvironment`, when set: used when no environment is asked for, as `--env` would be. */
  readonly defaultEnvironment: string | undefined;
  /** The URI of a path the core reports (the editor's own URI for an open document). */
  readonly uriOf: (path: string) => string | undefined;
  /** The files' URIs, in dbnd's order. */
  readonly fileUris: readonly string[];
}

/** `uri`: a document or a workspace folder. A document outside every dbnd project is its own project. */
export function projectRun(state: ServerState, uri: string): ProjectRun {
  const project = state.projects.projectOf(uriToPath(uri));
  const analysis = project?.isProject ? project.analysis() : state.projects.analysisFor(uri);
  const { snapshot } = analysis;
  return {
    analysis,
    base: {
      // A file dbnd cannot decode fails the run as it fails `dbnd-cfg render-pod` (files/configFileGuard).
      files: analysis.files.map((f) => ({
        path: f.path,
        text: f.text,
        doc: f.doc,
        decodeError: f.problem?.kind === 'not-utf8' ? f.problem.error : undefined,
      })),
      environment: snapshot.env,
      readFile: snapshot.readFile,
    },
    defaultEnvironment: snapshot.environmentName,
    // dbnd's package defaults live under placeholder folders ({{DBND_LIB_DIR}}/...): no file to link to.
    uriOf: (path) => analysis.fileByPath(path)?.uri ?? (path.startsWith('/') ? pathToFileURL(path).href : undefined),
    fileUris: analysis.files.map((f) => f.uri),
  };
}
