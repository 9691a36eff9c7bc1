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
  // kubectl drops empty entries and repeats (clientcmd's deduplicate), keeping the first place of each.
  if (list) return { files: [...new Set(list.split(delimiter).filter((f) => f !== ''))], source: 'KUBECONFIG' };
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

/** What decides kubectl's scheme for a server written without one. */
export interface ServerTlsHints {
  /** certificate-authority(-data) is set. */
  readonly hasCa: boolean;
  /** client-certificate(-data) is set. */
  readonly hasClientCert: boolean;
  readonly insecureSkipTlsVerify: boolean;
}

/**
 * The URL requests go to, as kubectl (client-go's DefaultServerURL) reads a cluster's `server`: a value without a
 * scheme (`127.0.0.1:6443`) gets https:// when the cluster has a CA, the user a client certificate, or
 * insecure-skip-tls-verify is set, and http:// otherwise; http:// and https:// are used as written (a plain
 * http:// server is what `kubectl proxy` serves); any other scheme is refused, as kubectl refuses it.
 */
export function serverUrl(
  cluster: string,
  server: string,
  hints: ServerTlsHints,
): { ok: true; url: URL } | { ok: false; message: string } {
  const written = server.trim();
  if (written === '') return { ok: false, message: `cluster "${cluster}" has no server address in the kubeconfig.` };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(written)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') {
    return {
      ok: false,
      message:
        `cluster "${cluster}" has server ${written}: unsupported protocol scheme "${scheme}" (kubectl refuses it too). ` +
        'A Kubernetes API server is reached over https:// (or http:// for `kubectl proxy`): fix the server of that cluster.',
    };
  }
  const tls = hints.hasCa || hints.hasClientCert || hints.insecureSkipTlsVerify;
  const withScheme = scheme === undefined ? `${tls ? 'https' : 'http'}://${written}` : written;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false, message: `cluster "${cluster}" has server ${written}, which is not a URL or a host:port.` };
  }
  if (url.hostname === '') {
    return { ok: false, message: `cluster "${cluster}" has server ${written}, which names no host.` };
  }
  return { ok: true, url };
}

/** The cluster and user a context names, or what is missing. */
export function contextEntries<C extends Named, U extends Named>(
  contextName: string,
  context: { readonly cluster: string; readonly user: string },
  merged: { readonly clusters: readonly C[]; readonly users: readonly U[]; readonly files: readonly string[] },
): { ok: true; cluster: C; user: U } | { ok: false; message: string } {
  const files = merged.files.join(', ') || '(none)';
  const cluster = merged.clusters.find((c) => c.name === context.cluster);
  if (!cluster) {
    const known = merged.clusters.map((c) => c.name).join(', ') || '(none)';
    return {
      ok: false,
      message: `context "${contextName}" names cluster "${context.cluster}", which is not in the kubeconfig (${files}). Clusters there: ${known}. Add that cluster or fix the context.`,
    };
  }
  const user = merged.users.find((u) => u.name === context.user);
  if (!user) {
    const known = merged.users.map((u) => u.name).join(', ') || '(none)';
    return {
      ok: false,
      message: `context "${contextName}" names user "${context.user}", which is not in the kubeconfig (${files}). Users there: ${known}. Add that user or fix the context.`,
    };
  }
  return { ok: true, cluster, user };
}
