// Feature: `dbnd/effectiveConfig` — the env and engine objects dbnd would build for the document's project,
// every value with where it comes from; the "Databand: Show Effective Config" document.
import { runDbnd } from '../../core/run';
import type { EffectiveConfigResult, RunParams } from '../../../../protocol/customRequests';
import { projectRun } from '../dbndRequests/projectRun';
import { toDbndError, toEffectiveObject } from '../dbndRequests/toProtocolTypes';
import type { ServerState } from '../serverState';

export function effectiveConfig(state: ServerState, params: RunParams): EffectiveConfigResult {
  const project = projectRun(state, params.uri);
  const envName = params.env ?? project.defaultEnvironment;
  const r = runDbnd({ ...project.base, envName, engine: params.engine });
  return {
    env: r.settings?.envName ?? envName ?? 'local',
    engine: r.settings?.engineName ?? params.engine ?? null,
    objects: [
      ...(r.env ? [toEffectiveObject('env', r.env, project.uriOf)] : []),
      ...(r.engine ? [toEffectiveObject('engine', r.engine, project.uriOf)] : []),
    ],
    warnings: [...r.warnings.map((w) => w.message), ...r.logWarnings, ...r.notes],
    error: r.failure ? toDbndError(r.failure, project.uriOf) : null,
    files: project.fileUris,
  };
}
