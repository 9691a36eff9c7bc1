// What to tell a user who asks to run a task on the cluster with an env that dbnd does not run on Kubernetes.
// dbnd does not fail there (docs/dbnd-rules.md §1.8, §5.2): an env without `remote_engine` runs the task on the
// local machine with its `local_engine` (`submit_driver` defaults to `bool(remote_engine)`), and a non-Kubernetes
// `remote_engine` (docker, ...) gets the driver from dbnd itself. Only the cluster run of this tool has nothing
// to submit, so the message says that, and not that dbnd would fail.

export interface EnvEngines {
  readonly envName: string;
  /** The engine that is built: remote_engine, else local_engine. */
  readonly engineName: string;
  readonly remoteEngine: string | null;
}

export function noPodToSubmitMessage(s: EnvEngines, engineClass: string, task: string): string {
  const runLocally = `dbnd run ${task} --env ${s.envName}`;
  const only =
    'dbnd-cfg run and Run Task on Cluster run only environments whose remote_engine is a Kubernetes engine ' +
    '(_type = kubernetes): choose such an env';
  if (s.remoteEngine === null) {
    return (
      `env "${s.envName}" runs locally: it has no remote_engine, so dbnd runs ${task} on this machine with its ` +
      `local engine "${s.engineName}" (${engineClass}) and submits no pod. ${only}, or run it with \`${runLocally}\`.`
    );
  }
  return (
    `env "${s.envName}" does not run on Kubernetes: its remote_engine "${s.engineName}" is a ${engineClass}, which ` +
    `dbnd submits to itself, not as a pod. ${only}, or run it with \`${runLocally}\`.`
  );
}
