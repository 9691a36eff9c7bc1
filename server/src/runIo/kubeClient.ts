// The one file that uses @kubernetes/client-node. It gives the rest of the module a KubeApi bound to one context and
// one namespace. What it takes from client-node is the hard part of talking to real clusters: reading kubeconfig
// files (relative paths, embedded data), in-cluster service accounts, and every credential kind including exec
// plugins and their token cache, turned into an HTTPS agent and headers. Requests are then made with node:http(s)
// directly, because client-node 1.4's API classes cannot be cancelled or time-bounded (an unreachable server must
// fail within seconds), its Log helper dies on a cut stream, and its Watch has no idle timeout; see the README of
// test/k8s-testbed for the measured pitfalls.
//
// client-node is an ES module and this project compiles to CommonJS, so it is loaded with import() (bundled by
// esbuild; Node 20 and the extension host's Node 22 both run it).
import * as http from 'node:http';
import * as https from 'node:https';
import { existsSync } from 'node:fs';
import { delimiter } from 'node:path';
import type * as k8s from '@kubernetes/client-node/dist/config.js' with { 'resolution-mode': 'import' };
import type { User } from '@kubernetes/client-node/dist/config_types.js' with { 'resolution-mode': 'import' };
import { batchedChunks } from './batchedChunks';
import { ClusterError, httpErrorMessage, networkErrorMessage, redactSecrets, type RequestTarget } from './errors';
import type { NodeCapacity } from '../core/lifecycle';
import type { ByteStream, KubeApi, KubePod, LogRequest, PodList, PodSelector, WatchRequest } from './kubeApi';
import {
  chooseContext,
  kubeconfigFiles,
  mergeKubeconfigs,
  useInCluster,
  type KubeconfigRequest,
} from '../core/kube/kubeconfig';

// Only the KubeConfig module: the package index would also bundle every generated API class (15 MB).
type ClientNode = typeof import('@kubernetes/client-node/dist/config.js', { with: { 'resolution-mode': 'import' } });
let clientNode: Promise<ClientNode> | undefined;
const loadClientNode = (): Promise<ClientNode> => (clientNode ??= import('@kubernetes/client-node/dist/config.js'));

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export interface ClientOptions {
  /** Time to wait for an answer's headers (and a whole non-streaming answer). Default 10 s. */
  readonly requestTimeoutMs?: number;
}

export interface ContextSummary {
  readonly name: string;
  readonly cluster: string;
  readonly user: string;
  readonly namespace: string | undefined;
}

export interface KubeconfigSummary {
  readonly files: readonly string[];
  readonly currentContext: string | undefined;
  readonly contexts: readonly ContextSummary[];
}

/** Loads and merges the kubeconfig files as kubectl does. */
async function loadMerged(
  request: KubeconfigRequest,
): Promise<{ kc: k8s.KubeConfig; currentContext: string | undefined; files: string[] }> {
  const { KubeConfig } = await loadClientNode();
  const list = kubeconfigFiles(request, delimiter);
  const present = list.files.filter((f) => existsSync(f));
  if (list.source === 'config_file' && present.length === 0) {
    throw new ClusterError(
      'config',
      `the engine's config_file ${list.files[0]} does not exist. Fix config_file or remove it to use $KUBECONFIG / ~/.kube/config.`,
    );
  }
  if (present.length === 0) {
    throw new ClusterError(
      'config',
      `no kubeconfig found (looked at ${list.files.join(', ')}). Set KUBECONFIG, create ~/.kube/config, or set the engine's config_file.`,
    );
  }
  const docs = present.map((path) => {
    const one = new KubeConfig();
    try {
      one.loadFromFile(path); // also makes certificate/key paths absolute relative to this file
    } catch (err) {
      throw new ClusterError(
        'config',
        `cannot read the kubeconfig ${path}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return {
      path,
      clusters: one.clusters,
      users: one.users,
      contexts: one.contexts,
      currentContext: one.currentContext || undefined,
    };
  });
  const merged = mergeKubeconfigs(docs);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: merged.clusters,
    users: merged.users,
    contexts: merged.contexts,
    currentContext: merged.currentContext ?? '',
  });
  return { kc, currentContext: merged.currentContext, files: present };
}

/** The contexts of the kubeconfig a request would use, for pickers. Never includes credentials. */
export async function describeKubeconfig(request: KubeconfigRequest): Promise<KubeconfigSummary> {
  const { kc, currentContext, files } = await loadMerged(request);
  return {
    files,
    currentContext,
    contexts: kc.contexts.map((c) => ({ name: c.name, cluster: c.cluster, user: c.user, namespace: c.namespace })),
  };
}

/** Exec credential plugins are looked up on the given PATH (the user's shell PATH, which an editor may not have). */
function withPluginPath(user: User, path: string | undefined): User {
  const exec = (user as { exec?: { env?: { name: string; value: string }[] } }).exec;
  if (!exec || !path || exec.env?.some((e) => e.name === 'PATH')) return user;
  return { ...user, exec: { ...exec, env: [...(exec.env ?? []), { name: 'PATH', value: path }] } } as User;
}

/** A KubeApi for the request's context and namespace. Fails with ClusterError('config') before any network call. */
export async function openCluster(request: KubeconfigRequest, options: ClientOptions = {}): Promise<KubeApi> {
  const { KubeConfig } = await loadClientNode();
  let kc: k8s.KubeConfig;
  let contextName: string;
  if (useInCluster(request, existsSync(SERVICE_ACCOUNT_TOKEN))) {
    kc = new KubeConfig();
    try {
      kc.loadFromCluster();
    } catch (err) {
      throw new ClusterError(
        'config',
        `in_cluster is set but the pod's service account cannot be loaded: ${err instanceof Error ? err.message : String(err)}. Set in_cluster=False to use a kubeconfig.`,
      );
    }
    contextName = kc.currentContext;
  } else {
    const loaded = await loadMerged(request);
    kc = loaded.kc;
    const chosen = chooseContext(request, { ...kc, currentContext: loaded.currentContext, files: loaded.files });
    if (!chosen.ok) throw new ClusterError('config', chosen.message);
    contextName = chosen.context;
  }
  // One KubeConfig per context: credentials are read from its current context on every request.
  kc.setCurrentContext(contextName);
  const cluster = kc.getCurrentCluster();
  const user = kc.getCurrentUser();
  if (!cluster)
    throw new ClusterError('config', `context "${contextName}" names a cluster that is not in the kubeconfig.`);
  if (!user) throw new ClusterError('config', `context "${contextName}" names a user that is not in the kubeconfig.`);
  const users = kc.users.map((u) => (u.name === user.name ? withPluginPath(u, request.env.PATH) : u));
  kc.loadFromOptions({ clusters: kc.clusters, users, contexts: kc.contexts, currentContext: contextName });
  if (cluster.server.startsWith('http:') && !cluster.skipTLSVerify) {
    throw new ClusterError(
      'config',
      `cluster "${cluster.name}" has a plain http:// server; set insecure-skip-tls-verify or use https.`,
    );
  }
  const target: RequestTarget = {
    context: contextName,
    namespace: request.namespace,
    server: cluster.server,
    user: user.name,
  };
  return new NodeKubeApi(kc, target, user, options.requestTimeoutMs ?? 10_000);
}

interface Exchange {
  readonly res: http.IncomingMessage;
  readonly done: () => void;
}

class NodeKubeApi implements KubeApi {
  private readonly secrets: string[];

  constructor(
    private readonly kc: k8s.KubeConfig,
    readonly target: RequestTarget,
    user: User,
    private readonly timeoutMs: number,
  ) {
    this.secrets = [user.token, user.password, user.keyData].filter(
      (s): s is string => typeof s === 'string' && s !== '',
    );
  }

  private get podsPath(): string {
    return `/api/v1/namespaces/${encodeURIComponent(this.target.namespace)}/pods`;
  }

  /** Sends a request and resolves when the answer's headers arrive. */
  private async open(
    method: string,
    path: string,
    query: Record<string, string | undefined>,
    body: unknown,
    what: string,
    signal?: AbortSignal,
  ): Promise<Exchange> {
    const url = new URL(this.target.server.replace(/\/+$/, '') + path);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
    const opts: https.RequestOptions = {};
    try {
      await this.kc.applyToHTTPSOptions(opts);
    } catch (err) {
      throw new ClusterError(
        'config',
        `cannot get credentials for user "${this.target.user}" of context "${this.target.context}": ${this.redact(err instanceof Error ? err.message : String(err))}. ` +
          'If the user runs an exec credential plugin, make sure its command is installed and on PATH.',
      );
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    for (const [k, v] of Object.entries(opts.headers ?? {})) if (v !== undefined) headers[k] = String(v);
    if (opts.auth) headers.Authorization = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
    if (headers.Authorization) this.remember(headers.Authorization.replace(/^\S+\s+/, ''));
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    const send = url.protocol === 'http:' ? http.request : https.request;
    return new Promise<Exchange>((resolve, reject) => {
      let settled = false;
      const req = send(url, { method, headers, agent: opts.agent as http.Agent | undefined, signal }, (res) => {
        settled = true;
        clearTimeout(timer);
        resolve({ res, done: () => req.destroy() });
      });
      const timer = setTimeout(
        () => req.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })),
        this.timeoutMs,
      );
      req.on('error', (err) => {
        clearTimeout(timer);
        if (settled) return; // errors after the headers surface on the response stream
        reject(this.failure(err, what, signal));
      });
      req.end(payload);
    });
  }

  private failure(err: unknown, what: string, signal?: AbortSignal): ClusterError {
    if (err instanceof ClusterError) return err;
    if (signal?.aborted) return new ClusterError('cancelled', `${what}: cancelled`);
    const e = networkErrorMessage(err, what, this.target);
    return new ClusterError(e.kind, this.redact(e.message), e.status);
  }

  private remember(secret: string): void {
    if (secret && !this.secrets.includes(secret)) this.secrets.push(secret);
  }

  private redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }

  /** Reads a whole answer (bounded by the request timeout) and turns non-2xx into ClusterError. */
  private async json<T>(
    method: string,
    path: string,
    query: Record<string, string | undefined>,
    body: unknown,
    what: string,
    signal?: AbortSignal,
  ): Promise<{ status: number; value: T }> {
    const { res, done } = await this.open(method, path, query, body, what, signal);
    const timer = setTimeout(() => done(), this.timeoutMs);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of res) chunks.push(chunk as Buffer);
    } catch (err) {
      throw this.failure(err, what, signal);
    } finally {
      clearTimeout(timer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const status = res.statusCode ?? 0;
    let value: unknown;
    try {
      value = text ? JSON.parse(text) : undefined;
    } catch {
      value = undefined;
    }
    if (status >= 200 && status < 300) return { status, value: value as T };
    const message =
      typeof (value as { message?: unknown })?.message === 'string'
        ? (value as { message: string }).message
        : text.slice(0, 300);
    const e = httpErrorMessage(status, this.redact(message), what, this.target);
    throw e;
  }

  /** A streaming GET: resolves with the body once the server answered 200. */
  private async stream(
    path: string,
    query: Record<string, string | undefined>,
    what: string,
    signal: AbortSignal,
  ): Promise<ByteStream> {
    const { res, done } = await this.open('GET', path, query, undefined, what, signal);
    if (res.statusCode !== 200) {
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of res) chunks.push(chunk as Buffer);
      } catch {
        // the error answer itself was cut: report the status alone
      }
      done();
      const text = Buffer.concat(chunks).toString('utf8');
      let message = text.slice(0, 300);
      try {
        message = (JSON.parse(text) as { message?: string }).message ?? message;
      } catch {
        // not a Status object
      }
      throw httpErrorMessage(res.statusCode ?? 0, this.redact(message), what, this.target);
    }
    return batchedChunks(res, (err) => this.failure(err, what, signal), done);
  }

  async createPod(pod: object, options: { dryRun?: boolean; signal?: AbortSignal } = {}): Promise<KubePod> {
    const what = options.dryRun ? 'create pods (server-side dry run)' : 'create pods';
    return (
      await this.json<KubePod>(
        'POST',
        this.podsPath,
        { dryRun: options.dryRun ? 'All' : undefined },
        pod,
        what,
        options.signal,
      )
    ).value;
  }

  async readPod(name: string, signal?: AbortSignal): Promise<KubePod | null> {
    try {
      return (
        await this.json<KubePod>(
          'GET',
          `${this.podsPath}/${encodeURIComponent(name)}`,
          {},
          undefined,
          'get pods',
          signal,
        )
      ).value;
    } catch (err) {
      if (err instanceof ClusterError && err.kind === 'not_found') return null;
      throw err;
    }
  }

  async deletePod(name: string, options: { gracePeriodSeconds?: number } = {}): Promise<boolean> {
    const grace = options.gracePeriodSeconds === undefined ? undefined : String(options.gracePeriodSeconds);
    try {
      await this.json(
        'DELETE',
        `${this.podsPath}/${encodeURIComponent(name)}`,
        { gracePeriodSeconds: grace },
        undefined,
        'delete pods',
      );
      return true;
    } catch (err) {
      if (err instanceof ClusterError && err.kind === 'not_found') return false;
      throw err;
    }
  }

  async listPods(selector: PodSelector, signal?: AbortSignal): Promise<PodList> {
    const { value } = await this.json<{ items?: KubePod[]; metadata?: { resourceVersion?: string } }>(
      'GET',
      this.podsPath,
      { labelSelector: selector.labelSelector, fieldSelector: selector.fieldSelector },
      undefined,
      'list pods',
      signal,
    );
    return { items: value?.items ?? [], resourceVersion: value?.metadata?.resourceVersion ?? '' };
  }

  async listNodes(signal?: AbortSignal): Promise<readonly NodeCapacity[]> {
    const { value } = await this.json<{
      items?: { metadata?: { name?: string }; status?: { capacity?: Record<string, string> } }[];
    }>('GET', '/api/v1/nodes', {}, undefined, 'list nodes', signal);
    return (value?.items ?? []).map((n) => ({ name: n.metadata?.name ?? '', capacity: n.status?.capacity ?? {} }));
  }

  watchPods(request: WatchRequest, signal: AbortSignal): Promise<ByteStream> {
    return this.stream(
      this.podsPath,
      {
        watch: 'true',
        resourceVersion: request.resourceVersion,
        allowWatchBookmarks: 'true',
        labelSelector: request.labelSelector,
        fieldSelector: request.fieldSelector,
        timeoutSeconds: request.timeoutSeconds === undefined ? undefined : String(request.timeoutSeconds),
      },
      'watch pods',
      signal,
    );
  }

  podLog(name: string, request: LogRequest, signal: AbortSignal): Promise<ByteStream> {
    return this.stream(
      `${this.podsPath}/${encodeURIComponent(name)}/log`,
      {
        container: request.container,
        follow: request.follow ? 'true' : undefined,
        timestamps: request.timestamps ? 'true' : undefined,
        sinceTime: request.sinceTime,
      },
      'get pods/log',
      signal,
    );
  }

  async serverVersion(signal?: AbortSignal): Promise<string> {
    const { value } = await this.json<{ gitVersion?: string }>(
      'GET',
      '/version',
      {},
      undefined,
      'get the server version',
      signal,
    );
    return value?.gitVersion ?? 'unknown';
  }
}
