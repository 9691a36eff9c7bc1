// `dbnd/prepareClusterRun`: the run the extension is about to submit, prepared from the project's saved files
// (ide/clusterRun → the core's prepareClusterRun); dbnd's error comes back with the line that causes it.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { PrepareClusterRunParams, PrepareClusterRunResult } from '../../../../protocol/customRequests';
import { planClusterRun } from '../../ide/clusterRun';
import { dbndFailure } from '../../ide/dbndRun';
import { toDbndError } from '../toProtocol';
import type { ServerState } from '../serverState';

export function prepareClusterRun(state: ServerState, params: PrepareClusterRunParams): PrepareClusterRunResult {
  const project = state.projects.savedRunFiles(params.uri);
  const ids = {
    runUid: randomUUID(),
    taskRunUid: randomUUID(),
    taskRunAttemptUid: randomUUID(),
    resultFileUuid: randomUUID(),
  };
  const prepared = planClusterRun(project, params, ids, Date.now());
  const files = project.files.map((f) => pathToFileURL(f.path).href);
  if (prepared.ok) return { plan: prepared.plan, error: null, noPod: null, files };
  // dbnd's package defaults live under placeholder folders ({{DBND_LIB_DIR}}/...): no file to link to.
  const uriOf = (path: string) => (path.startsWith('/') ? pathToFileURL(path).href : undefined);
  return {
    plan: null,
    error: prepared.failure ? toDbndError(dbndFailure(prepared.failure), uriOf) : null,
    noPod: prepared.failure ? null : prepared.message,
    files,
  };
}
