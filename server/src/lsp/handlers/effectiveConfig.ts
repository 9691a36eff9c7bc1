// `dbnd/effectiveConfig` → ide/effectiveConfig: the env and engine objects dbnd would build, with provenance.
import type { EffectiveConfigResult, RunParams } from '../../../../protocol/customRequests';
import { effectiveConfig as projectEffectiveConfig } from '../../ide/effectiveConfig';
import { projectUriOf } from '../documentPaths';
import type { ServerState } from '../serverState';
import { toDbndError, toEffectiveObject } from '../toProtocol';
import { runAnalysis } from '../workspace/runAnalysis';

export function effectiveConfig(state: ServerState, params: RunParams): EffectiveConfigResult {
  const analysis = runAnalysis(state.projects, params.uri);
  const uriOf = projectUriOf(analysis);
  const result = projectEffectiveConfig(analysis, { env: params.env, engine: params.engine });
  return {
    env: result.env,
    engine: result.engine,
    objects: result.objects.map((o) => toEffectiveObject(o, uriOf)),
    warnings: [...result.warnings],
    error: result.error && toDbndError(result.error, uriOf),
    files: [...result.files],
  };
}
