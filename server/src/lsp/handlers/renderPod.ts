// Feature: `dbnd/renderPod` — the Pod dbnd would submit for the document's project (the driver's, or a task's
// with its task_config), or the error dbnd would raise instead, with the line that causes it.
import { renderContext, runDbnd } from '../../core/run';
import type { RenderPodParams, RenderPodResult } from '../../../../protocol/customRequests';
import { projectRun } from '../dbndRequests/projectRun';
import { toDbndError } from '../dbndRequests/toProtocolTypes';
import type { ServerState } from '../serverState';

export function renderPod(state: ServerState, params: RenderPodParams): RenderPodResult {
  const project = projectRun(state, params.uri);
  const envName = params.env ?? project.defaultEnvironment;
  const render = renderContext(
    { mode: params.mode, ...(params.mode === 'task' ? { taskName: params.taskName } : {}) },
    project.base.environment,
  );
  const r = runDbnd({
    ...project.base,
    envName,
    engine: params.engine,
    taskConfig: params.mode === 'task' ? params.taskConfig : undefined,
    render,
  });
  return {
    env: r.settings?.envName ?? envName ?? 'local',
    engine: r.settings?.engineName ?? params.engine ?? null,
    pod: r.pod?.pod ?? null,
    noPod: r.noPod,
    error: r.failure ? toDbndError(r.failure, project.uriOf) : null,
    notes: r.notes,
    placeholders: r.placeholders.map((p) => ({ value: p.value, meaning: p.meaning })),
    files: project.fileUris,
  };
}
