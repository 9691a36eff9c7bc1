// Cluster actions run code on a cluster with the user's credentials, so they need a trusted workspace: a folder
// opened in Restricted Mode could carry a config that submits anything. Every cluster command passes through
// this guard before it reads config or talks to a cluster. No vscode import: the refusal is unit-tested in Node,
// and test/extension/restricted/ checks it in a real VS Code in Restricted Mode.

export type ClusterAction = 'run' | 'selectContext' | 'findOrphans';

const REFUSALS: Record<ClusterAction, string> = {
  run: 'Running a task on a cluster needs a trusted workspace: it runs code with your cluster credentials. Trust this folder (Manage Workspace Trust) to run it.',
  selectContext:
    'Choosing a Kubernetes context needs a trusted workspace: cluster actions use your cluster credentials. Trust this folder (Manage Workspace Trust) first.',
  findOrphans:
    'Looking for pods of closed windows needs a trusted workspace: it uses your cluster credentials. Trust this folder (Manage Workspace Trust) first.',
};

/** True when the action must not go on; the user has then been told why through `warn`. */
export function refusedUntrusted(action: ClusterAction, isTrusted: boolean, warn: (message: string) => void): boolean {
  if (isTrusted) return false;
  warn(REFUSALS[action]);
  return true;
}
