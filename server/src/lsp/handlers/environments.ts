// Feature: `dbnd/environments` — the environments of `[run] environments` with the engine each uses, for the
// environment picker and its status bar item.
import { runDbnd } from '../../core/run';
import type { EnvironmentInfo, EnvironmentsResult, ProjectParams } from '../../../../protocol/customRequests';
import { projectEnvironments } from '../dbndRequests/projectEnvironments';
import { projectRun } from '../dbndRequests/projectRun';
import { sectionLocation, toDbndError } from '../dbndRequests/toProtocolTypes';
import type { ServerState } from '../serverState';

export function environments(state: ServerState, params: ProjectParams): EnvironmentsResult {
  const project = projectRun(state, params.uri);
  const files = project.fileUris;
  const loaded = runDbnd({ ...project.base, envName: project.defaultEnvironment });
  if (loaded.failure?.stage === 'load')
    return {
      defaultEnv: project.defaultEnvironment ?? 'local',
      environments: [],
      error: toDbndError(loaded.failure, project.uriOf),
      files,
    };
  const layer = project.analysis.load();
  if (!layer.ok) return { defaultEnv: project.defaultEnvironment ?? 'local', environments: [], error: null, files };
  const listed = projectEnvironments(
    layer.value,
    { env: project.base.environment, readFile: project.base.readFile },
    project.defaultEnvironment,
  );
  const infos = listed.environments.map((name): EnvironmentInfo => {
    const r = runDbnd({ ...project.base, envName: name });
    const location = sectionLocation(
      project.base.files.map((f) => ({ path: f.path, doc: project.analysis.fileByPath(f.path)!.doc })),
      name,
      project.uriOf,
    );
    return {
      name,
      engine: r.settings?.engineName ?? null,
      engineClass: r.engine?.cls.className ?? null,
      kubernetes: r.engine?.cls.family === 'kubernetes',
      ...(location ? { location } : {}),
      ...(r.failure ? { error: toDbndError(r.failure, project.uriOf) } : {}),
    };
  });
  return { defaultEnv: listed.defaultEnv, environments: infos, error: null, files };
}
