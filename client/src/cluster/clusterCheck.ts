// The cluster check "Run Task on Cluster" makes as soon as the environment is known, before it asks anything else:
// the kubeconfig and context the run would use (the engine's in_cluster, config_file, cluster_context and
// namespace, beaten by the project's chosen context and namespace) must load, and the API server must answer one
// cheap, time-bounded request with these credentials. A missing context or an unreachable server is then said at
// once, not after every question and the Submit dialog. No vscode import: unit-tested in Node against loopback
// servers (test/client/cluster/clusterCheck.test.ts).
import type { JsonValue } from '../../../protocol/customRequests';
import { errorLine } from './runFailureNotice';
import { openCluster, type KubeconfigRequest } from '../../../server/src/runIo';
import type { ClusterChoice } from './clusterTarget';

export type KubeconfigSettings = Omit<KubeconfigRequest, 'env'>;

const text = (v: JsonValue | undefined) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The kubeconfig settings of a Kubernetes engine from its resolved parameters (as dbnd builds the engine), with
 * the project's choice on top; undefined when the parameters are not a Kubernetes engine's.
 */
export function engineKubeconfig(
  params: readonly { readonly name: string; readonly value: JsonValue }[],
  choice: ClusterChoice,
): KubeconfigSettings | undefined {
  const value = new Map(params.map((p) => [p.name, p.value]));
  if (!value.has('cluster_context') || !value.has('namespace')) return undefined;
  const inCluster = value.get('in_cluster');
  return {
    inCluster: typeof inCluster === 'boolean' ? inCluster : null,
    configFile: text(value.get('config_file')),
    clusterContext: text(value.get('cluster_context')),
    context: choice.context,
    namespace: choice.namespace ?? text(value.get('namespace')) ?? 'default',
  };
}

export type ClusterCheck =
  | { readonly ok: true; readonly context: string; readonly namespace: string; readonly version: string }
  | { readonly ok: false; readonly error: unknown; readonly message: string };

/** A pod name no run uses: listing it costs the server nothing and proves the credentials may list pods. */
const NO_POD = 'metadata.name=databand-cluster-check';

/** Loads the kubeconfig and asks the API server for its version and for one (absent) pod, each within `timeoutMs`. */
export async function checkCluster(
  settings: KubeconfigSettings,
  env: NodeJS.ProcessEnv,
  timeoutMs = 5_000,
): Promise<ClusterCheck> {
  try {
    const api = await openCluster({ ...settings, env }, { requestTimeoutMs: timeoutMs, readTimeoutMs: timeoutMs });
    const version = await api.serverVersion();
    await api.listPods({ fieldSelector: NO_POD });
    return { ok: true, context: api.target.context, namespace: api.target.namespace, version };
  } catch (error) {
    return { ok: false, error, message: errorLine(error) };
  }
}
