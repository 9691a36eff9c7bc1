// The analysis a custom request about a project works on (the environments, the effective config, the Pod
// spec): the config files `dbnd run` started in the workspace folder reads (open documents' text first) —
// exactly those, without the editor-only extra file that diagnostics of a document dbnd does not read add.
import type { Analysis } from '../../ide/analysis';
import { uriToPath } from '../documentPaths';
import type { ProjectModel } from './projectModel';

/** `uri`: a document or a workspace folder. A document outside every dbnd project is its own project. */
export function runAnalysis(projects: ProjectModel, uri: string): Analysis {
  const project = projects.projectOf(uriToPath(uri));
  return project?.isProject ? project.analysis() : projects.analysisFor(uri);
}
