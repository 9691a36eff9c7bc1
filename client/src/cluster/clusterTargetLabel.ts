// What the Kubernetes context status item says. Its text names what it is (the kubeconfig context, and namespace,
// that runs and the Pods view use), so a user who never chose one reads where runs will go instead of a bare
// placeholder; apart from the item so it can be tested without VS Code.
import type { ClusterChoice } from './clusterTarget';

export function clusterTargetLabel(c: ClusterChoice): { text: string; tooltip: string } {
  if (c.context === null) {
    return {
      text: `$(cloud) Runs in the engine's kubeconfig context${c.namespace ? `/${c.namespace}` : ''}`,
      tooltip:
        "Databand runs and the Pods view use the kubeconfig context the engine's cluster_context names (else the " +
        `kubeconfig's current-context) and ${c.namespace ? `namespace "${c.namespace}"` : "the engine's namespace"}, ` +
        'as dbnd does. Click to choose a context.',
    };
  }
  return {
    text: `$(cloud) Runs in ${c.context}${c.namespace ? `/${c.namespace}` : ''}`,
    tooltip:
      `Databand runs and the Pods view use kubeconfig context "${c.context}"` +
      `${c.namespace ? ` and namespace "${c.namespace}"` : " and the engine's namespace"}. Click to switch.`,
  };
}
