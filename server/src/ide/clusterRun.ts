// Feature: `dbnd/prepareClusterRun` — the cluster run of a project's saved files: the core's prepareClusterRun
// (the one `dbnd-cfg run` calls) with the run's `dbnd run` arguments, the ids and the time the caller hands in.
import { prepareClusterRun, type ClusterRunIds, type ClusterRunPreparation, type RunRequest } from '../core/run';

export interface ClusterRunArgs {
  readonly env: string;
  readonly task: string;
  readonly set: readonly string[];
  readonly context: string | null;
  readonly namespace: string | null;
}

export function planClusterRun(
  saved: Pick<RunRequest, 'files' | 'environment' | 'readFile'>,
  args: ClusterRunArgs,
  ids: ClusterRunIds,
  now: number,
): ClusterRunPreparation {
  return prepareClusterRun({
    files: saved.files,
    environment: saved.environment,
    readFile: (path) => saved.readFile?.(path),
    envName: args.env,
    task: args.task,
    set: args.set,
    context: args.context,
    namespace: args.namespace,
    ids,
    now,
  });
}
