// `dbnd/environments` → ide/environments: the environments of `[run] environments` with their engines.
import type { EnvironmentInfo, EnvironmentsResult, ProjectParams } from '../../../../protocol/customRequests';
import { environments as projectEnvironments } from '../../ide/environments';
import { projectUriOf } from '../documentPaths';
import type { ServerState } from '../serverState';
import { toDbndError, toLocation } from '../toProtocol';
import { runAnalysis } from '../workspace/runAnalysis';

export function environments(state: ServerState, params: ProjectParams): EnvironmentsResult {
  const analysis = runAnalysis(state.projects, params.uri);
  const uriOf = projectUriOf(analysis);
  const result = projectEnvironments(analysis);
  return {
    defaultEnv: result.defaultEnv,
    environments: result.environments.map((e): EnvironmentInfo => {
      const location = toLocation(e.location, uriOf);
      return {
        name: e.name,
        engine: e.engine,
        engineClass: e.engineClass,
        kubernetes: e.kubernetes,
        ...(location ? { location } : {}),
        ...(e.error ? { error: toDbndError(e.error, uriOf) } : {}),
      };
    }),
    error: result.error && toDbndError(result.error, uriOf),
    files: [...result.files],
  };
}
