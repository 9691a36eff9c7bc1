// The kubeconfig context names `cluster_context` can take. Which files and how they merge are the rules a run
// follows too (core/kube/kubeconfig.ts, dbnd's and kubectl's: the section's `config_file`, else `$KUBECONFIG`
// with the first file's current-context and first definition of a name winning, else ~/.kube/config); this
// file only parses the YAML it is handed, so completion reads the kubeconfig the way a run would.
import { parse } from 'yaml';
import { type KubeconfigDocument, type Named, kubeconfigFiles, mergeKubeconfigs } from '../../core/kube/kubeconfig';
import type { Environment } from '../../core/environment';

export interface KubeContexts {
  readonly names: readonly string[];
  readonly current: string | undefined;
  /** The files read, in merge order. */
  readonly files: readonly string[];
}

function namedList(value: unknown): Named[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const name = (item as { name?: unknown } | null)?.name;
    return typeof name === 'string' && name ? [{ name }] : [];
  });
}

function readKubeconfig(path: string, text: string): KubeconfigDocument<Named, Named, Named> | undefined {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return undefined; // a file that is no YAML offers no context names
  }
  if (typeof doc !== 'object' || doc === null) return undefined;
  const config = doc as Record<string, unknown>;
  const current = config['current-context'];
  return {
    path,
    clusters: namedList(config.clusters),
    users: namedList(config.users),
    contexts: namedList(config.contexts),
    currentContext: typeof current === 'string' && current ? current : undefined,
  };
}

/** The contexts of the kubeconfig a run with this `config_file` (or none) and environment would read. */
export function kubeContexts(
  configFile: string | undefined,
  env: Environment,
  readFile: (path: string) => string | undefined,
): KubeContexts {
  const request = {
    inCluster: false,
    configFile: configFile ?? null,
    context: null,
    clusterContext: null,
    namespace: 'default',
    env,
  };
  const docs = kubeconfigFiles(request, ':').files.flatMap((path) => {
    const text = readFile(path);
    const doc = text === undefined ? undefined : readKubeconfig(path, text);
    return doc ? [doc] : [];
  });
  const merged = mergeKubeconfigs(docs);
  return { names: merged.contexts.map((c) => c.name), current: merged.currentContext, files: merged.files };
}
