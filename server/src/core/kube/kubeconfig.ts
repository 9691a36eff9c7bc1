// Which credentials a run uses, by dbnd's rules (docs/dbnd-rules.md §4.1, get_kube_client) and kubectl's:
// * the engine's `in_cluster`: None = the pod's service account when running inside a cluster, else a kubeconfig;
//   True/False forces one mode;
// * the kubeconfig is the engine's `config_file`, else $KUBECONFIG (several files, merged), else ~/.kube/config;
// * the context is the caller's override, else the engine's `cluster_context`, else the merged current-context.
// Merging follows kubectl, not @kubernetes/client-node: for current-context and for clusters, users and contexts
// with the same name, the FIRST file that sets one wins (client-node takes the last current-context and throws on
// duplicate names).

export interface KubeconfigRequest {
  /** The engine's `in_cluster` (null = dbnd's None). */
  readonly inCluster: boolean | null;
  /** The engine's `config_file`. */
  readonly configFile: string | null;
  /** `--context` / the chosen context; beats `clusterContext`. */
  readonly context: string | null;
  /** The engine's `cluster_context`. */
  readonly clusterContext: string | null;
  /** The namespace every call uses (the engine's `namespace`, or the caller's override). */
  readonly namespace: string;
  /** KUBECONFIG, HOME, KUBERNETES_SERVICE_HOST, and PATH for exec credential plugins. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface Named {
  readonly name: string;
}

export interface KubeconfigDocument<C extends Named, U extends Named, X extends Named> {
  readonly path: string;
  readonly clusters: readonly C[];
  readonly users: readonly U[];
  readonly contexts: readonly X[];
  readonly currentContext: string | undefined;
}

export interface MergedKubeconfig<C extends Named, U extends Named, X extends Named> {
  readonly clusters: C[];
  readonly users: U[];
  readonly contexts: X[];
  readonly currentContext: string | undefined;
  readonly files: readonly string[];
}

function firstByName<T extends Named>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(item.name)) seen.set(item.name, item);
  return [...seen.values()];
}

/** kubectl's merge of the files of $KUBECONFIG, in order. */
export function mergeKubeconfigs<C extends Named, U extends Named, X extends Named>(
  docs: readonly KubeconfigDocument<C, U, X>[],
): MergedKubeconfig<C, U, X> {
  return {
    clusters: firstByName(docs.map((d) => d.clusters)),
    users: firstByName(docs.map((d) => d.users)),
    contexts: firstByName(docs.map((d) => d.contexts)),
    currentContext: docs.find((d) => d.currentContext)?.currentContext,
    files: docs.map((d) => d.path),
  };
}

export interface KubeconfigFiles {
  readonly files: readonly string[];
  /** Where the list came from, for messages. */
  readonly source: 'config_file' | 'KUBECONFIG' | 'default';
}

/** The kubeconfig files to read. Missing $KUBECONFIG entries are skipped, as kubectl does; an explicit file must exist. */
export function kubeconfigFiles(request: KubeconfigRequest, delimiter: string): KubeconfigFiles {
  if (request.configFile) return { files: [expandHome(request.configFile, request.env)], source: 'config_file' };
  const list = request.env.KUBECONFIG;
  if (list) return { files: list.split(delimiter).filter((f) => f !== ''), source: 'KUBECONFIG' };
  return { files: [`${request.env.HOME ?? ''}/.kube/config`], source: 'default' };
}

function expandHome(path: string, env: KubeconfigRequest['env']): string {
  return path === '~' || path.startsWith('~/') ? `${env.HOME ?? ''}${path.slice(1)}` : path;
}

/** dbnd's in_cluster rule: should the service account of the current pod be used? */
export function useInCluster(request: KubeconfigRequest, serviceAccountPresent: boolean): boolean {
  if (request.inCluster === false) return false;
  if (request.inCluster === true) return true;
  // None: load_incluster_config() succeeds only inside a pod (the variable and the mounted token).
  return Boolean(request.env.KUBERNETES_SERVICE_HOST) && serviceAccountPresent;
}

/** The context to use, or an explanation of why there is none. */
export function chooseContext(
  request: KubeconfigRequest,
  merged: MergedKubeconfig<Named, Named, Named>,
): { ok: true; context: string } | { ok: false; message: string } {
  const wanted = request.context ?? request.clusterContext ?? merged.currentContext;
  const names = merged.contexts.map((c) => c.name);
  const files = merged.files.join(', ') || '(none)';
  if (!wanted) {
    return {
      ok: false,
      message: `no context: the kubeconfig (${files}) has no current-context. Pass --context NAME or set cluster_context in the engine. Contexts: ${names.join(', ') || '(none)'}`,
    };
  }
  if (!names.includes(wanted)) {
    const from = request.context
      ? '--context'
      : request.clusterContext
        ? "the engine's cluster_context"
        : 'current-context';
    return {
      ok: false,
      message: `context "${wanted}" (from ${from}) is not in the kubeconfig (${files}). Contexts there: ${names.join(', ') || '(none)'}`,
    };
  }
  return { ok: true, context: wanted };
}
