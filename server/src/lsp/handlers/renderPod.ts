// `dbnd/renderPod` → ide/podSpec: the Pod dbnd would submit (the driver's or a task's), or dbnd's error.
import type { RenderPodParams, RenderPodResult } from '../../../../protocol/customRequests';
import { podSpec } from '../../ide/podSpec';
import { projectUriOf } from '../documentPaths';
import type { ServerState } from '../serverState';
import { toDbndError } from '../toProtocol';
import { runAnalysis } from '../workspace/runAnalysis';

export function renderPod(state: ServerState, params: RenderPodParams): RenderPodResult {
  const analysis = runAnalysis(state.projects, params.uri);
  const result = podSpec(analysis, {
    env: params.env,
    engine: params.engine,
    mode: params.mode,
    taskName: params.taskName,
    taskConfig: params.taskConfig,
  });
  return {
    env: result.env,
    engine: result.engine,
    pod: result.pod,
    noPod: result.noPod,
    error: result.error && toDbndError(result.error, projectUriOf(analysis)),
    notes: [...result.notes],
    placeholders: result.placeholders.map((p) => ({ value: p.value, meaning: p.meaning })),
    files: [...result.files],
  };
}
