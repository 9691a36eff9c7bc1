// The cluster check "Run Task on Cluster" makes as soon as the environment is known, before it asks anything else:
// the kubeconfig and context the run would use (as the run's preparation gives them: the engine's in_cluster,
// config_file, cluster_context and namespace, beaten by the project's chosen context and namespace) must load,
// and the API server must answer one cheap, time-bounded request with these credentials. A missing context or an
// unreachable server is then said at once, not after every question and the Submit dialog. No vscode import: unit-tested in Node against loopback
// servers (test/client/cluster/clusterCheck.test.ts).
import { errorLine } from './runFailureNotice';
import { openCluster, type KubeconfigRequest } from '../../../server/src/runIo';

export type KubeconfigSettings = Omit<KubeconfigRequest, 'env'>;

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
