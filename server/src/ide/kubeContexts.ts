// The kubeconfig context names `cluster_context` can take, read as the Kubernetes Python client that dbnd uses
// reads them: the section's `config_file` when set, else `$KUBECONFIG` (several files separated by `:`, merged
// as kubectl merges them: the first file that names a context or a current-context wins), else ~/.kube/config.
import { parse } from 'yaml';
import type { Environment } from '../core/environment';

export interface KubeContexts {
  readonly names: readonly string[];
  readonly current: string | undefined;
  /** The files read, in merge order. */
  readonly files: readonly string[];
}

function expandHome(path: string, env: Environment): string {
  return path.startsWith('~/') && env.HOME ? `${env.HOME}${path.slice(1)}` : path;
}

export function kubeconfigFiles(configFile: string | undefined, env: Environment): string[] {
  if (configFile) return [expandHome(configFile, env)];
  const fromEnv = env.KUBECONFIG?.split(':').filter(Boolean);
  if (fromEnv?.length) return fromEnv.map((f) => expandHome(f, env));
  return env.HOME ? [`${env.HOME}/.kube/config`] : [];
}

export function kubeContexts(files: readonly string[], readFile: (path: string) => string | undefined): KubeContexts {
  const names: string[] = [];
  let current: string | undefined;
  for (const file of files) {
    const text = readFile(file);
    if (text === undefined) continue;
    let doc: unknown;
    try {
      doc = parse(text);
    } catch {
      continue; // kubectl skips nothing here, but an unreadable file gives no names to offer either
    }
    if (typeof doc !== 'object' || doc === null) continue;
    const config = doc as { contexts?: unknown; 'current-context'?: unknown };
    if (current === undefined && typeof config['current-context'] === 'string' && config['current-context']) current = config['current-context'];
    if (!Array.isArray(config.contexts)) continue;
    for (const ctx of config.contexts) {
      const name = (ctx as { name?: unknown } | null)?.name;
      if (typeof name === 'string' && !names.includes(name)) names.push(name);
    }
  }
  return { names, current, files };
}
