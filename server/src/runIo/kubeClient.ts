// The one file that uses @kubernetes/client-node. It gives the rest of the module a KubeApi bound to one context and
// one namespace. What it takes from client-node is the hard part of talking to real clusters: parsing kubeconfig
// files (relative paths, embedded data), in-cluster service accounts, and every credential kind including exec
// plugins and their token cache, turned into an HTTPS agent and headers. The files themselves (kubeconfigs,
// certificates, keys) are read here, bounded and asynchronously (readBounded.ts), and the server address is read
// as kubectl reads it (kubeconfig.ts, serverUrl). Requests are then made with node:http(s)
// directly, because client-node 1.4's API classes cannot be cancelled or time-bounded (an unreachable server must
// fail within seconds), its Log helper dies on a cut stream, and its Watch has no idle timeout; see the README of
// test/k8s-testbed for the measured pitfalls.
//
// client-node is an ES module and this project compiles to CommonJS, so it is loaded with import() (bundled by
// esbuild; Node 20 and the extension host's Node 22 both run it).
import * as http from 'node:http';
import * as https from 'node:https';
import { existsSync } from 'node:fs';
import { delimiter, dirname } from 'node:path';
import type * as k8s from '@kubernetes/client-node/dist/config.js' with { 'resolution-mode': 'import' };
import type { Cluster, User } from '@kubernetes/client-node/dist/config_types.js' with { 'resolution-mode': 'import' };
import { batchedChunks } from './batchedChunks';
import {
  ClusterError,
  answerTooLarge,
  httpErrorMessage,
  networkErrorMessage,
  notJsonAnswer,
  redactSecrets,
  type RequestTarget,
} from './errors';
import type { NodeCapacity } from '../core/lifecycle';
import type { ByteStream, KubeApi, KubePod, LogRequest, PodList, PodSelector, WatchRequest } from './kubeApi';
import { systemClock, type Clock } from './clock';
import {
  chooseContext,
  contextEntries,
  kubeconfigFiles,
  mergeKubeconfigs,
  serverUrl,
  useInCluster,
  type KubeconfigRequest,
} from '../core/kube/kubeconfig';
import { BoundedReadError, readFileBounded } from './readBounded';

// Only the KubeConfig module: the package index would also bundle every generated API class (15 MB).
type ClientNode = typeof import('@kubernetes/client-node/dist/config.js', { with: { 'resolution-mode': 'import' } });
let clientNode: Promise<ClientNode> | undefined;
const loadClientNode = (): Promise<ClientNode> => (clientNode ??= import('@kubernetes/client-node/dist/config.js'));

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export interface ClientOptions {
  /** Time to wait for an answer's headers (and a whole non-streaming answer). Default 10 s. */
  readonly requestTimeoutMs?: number;
  /** Time to wait for a kubeconfig or certificate file to reach its end (a FIFO). Default 10 s. */
  readonly readTimeoutMs?: number;
  /** The clock of every time bound (file reads, answers). */
  readonly clock?: Clock;
  /** Stops the kubeconfig and certificate reads (Ctrl+C while a FIFO is read). */
  readonly signal?: AbortSignal;
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

/** A kubeconfig is a few KB; a merged one with embedded certificates rarely passes 1 MB. */
const KUBECONFIG_MAX_BYTES = 16 * 2 ** 20;
/** Certificates and keys named by path. */
const CREDENTIAL_FILE_MAX_BYTES = 2 ** 20;

/** A file the client reads itself, within its size bound and the read time bound, cancelled with the run. */
function readWithin(path: string, maxBytes: number, options: ClientOptions) {
  return readFileBounded(path, {
    maxBytes,
    timeoutMs: options.readTimeoutMs ?? 10_000,
    clock: options.clock,
    signal: options.signal,
  });
}

/** Reads one kubeconfig file (bounded, asynchronous: see readBounded.ts) and parses it as client-node does. */
async function loadOne(KubeConfig: ClientNode['KubeConfig'], path: string, options: ClientOptions) {
  const cannot = (why: string) => new ClusterError('config', `cannot read the kubeconfig ${path}: ${why}`);
  let text: string;
  try {
    const bytes = await readWithin(path, KUBECONFIG_MAX_BYTES, options);
    text = bytes.toString('utf8');
  } catch (err) {
    if (options.signal?.aborted) throw new ClusterError('cancelled', `reading the kubeconfig ${path}: cancelled`);
    throw cannot(describeReadError(err));
  }
  const one = new KubeConfig();
  // kubectl takes an empty file as an empty kubeconfig; client-node would fail on `undefined.clusters`.
  if (text.trim() !== '') {
    try {
      one.loadFromString(text);
    } catch (err) {
      throw cannot(err instanceof Error ? err.message : String(err));
    }
  }
  one.makePathsAbsolute(dirname(path)); // certificate and key paths are relative to the file that names them
  return {
    path,
    clusters: one.clusters ?? [],
    users: one.users ?? [],
    contexts: one.contexts ?? [],
    currentContext: one.currentContext || undefined,
  };
}

function describeReadError(err: unknown): string {
  if (err instanceof BoundedReadError) return err.message;
  const code = (err as { code?: string })?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** Loads and merges the kubeconfig files as kubectl does. */
async function loadMerged(
  request: KubeconfigRequest,
  options: ClientOptions = {},
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
  const docs = [];
  for (const path of present) docs.push(await loadOne(KubeConfig, path, options));
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
export async function describeKubeconfig(
  request: KubeconfigRequest,
  options: ClientOptions = {},
): Promise<KubeconfigSummary> {
  const { kc, currentContext, files } = await loadMerged(request, options);
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
  let files: readonly string[] = [];
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
    const loaded = await loadMerged(request, options);
    kc = loaded.kc;
    files = loaded.files;
    const chosen = chooseContext(request, { ...kc, currentContext: loaded.currentContext, files: loaded.files });
    if (!chosen.ok) throw new ClusterError('config', chosen.message);
    contextName = chosen.context;
  }
  const context = kc.getContextObject(contextName);
  if (!context) throw new ClusterError('config', `context "${contextName}" is not in the kubeconfig.`);
  const entries = contextEntries(contextName, context, { clusters: kc.clusters, users: kc.users, files });
  if (!entries.ok) throw new ClusterError('config', entries.message);
  const where = `user "${entries.user.name}" of context "${contextName}"`;
  const user = withPluginPath(
    await inlineFile(
      await inlineFile(entries.user, 'certFile', 'certData', `the client-certificate of ${where}`, options),
      'keyFile',
      'keyData',
      `the client-key of ${where}`,
      options,
    ),
    request.env.PATH,
  );
  const written = await inlineFile(
    entries.cluster,
    'caFile',
    'caData',
    `the certificate-authority of cluster "${entries.cluster.name}"`,
    options,
  );
  const url = serverUrl(written.name, written.server, {
    hasCa: Boolean(written.caData),
    hasClientCert: Boolean(user.certData),
    insecureSkipTlsVerify: written.skipTLSVerify,
  });
  if (!url.ok) throw new ClusterError('config', url.message);
  const server = url.url.href.replace(/\/+$/, '');
  // TLS settings mean nothing on plain http; client-node would refuse to make an http agent without this flag.
  const cluster = { ...written, server, skipTLSVerify: written.skipTLSVerify || url.url.protocol === 'http:' };
  kc.loadFromOptions({
    clusters: kc.clusters.map((c) => (c.name === cluster.name ? cluster : c)),
    users: kc.users.map((u) => (u.name === user.name ? user : u)),
    contexts: kc.contexts,
    currentContext: contextName, // one KubeConfig per context: credentials come from its current context
  });
  const target: RequestTarget = { context: contextName, namespace: request.namespace, server, user: user.name };
  return new NodeKubeApi(kc, target, user, options.requestTimeoutMs ?? 10_000, options.clock ?? systemClock);
}

/**
 * A certificate or key named by path, read now (bounded, asynchronously) into the entry's data field: a missing
 * file is then reported as such, and client-node never reads a file synchronously while requests run.
 */
async function inlineFile<T extends Cluster | User>(
  entry: T,
  fileKey: 'caFile' | 'certFile' | 'keyFile',
  dataKey: 'caData' | 'certData' | 'keyData',
  what: string,
  options: ClientOptions,
): Promise<T> {
  const path = (entry as unknown as Record<string, unknown>)[fileKey];
  if (typeof path !== 'string' || path === '') return entry;
  try {
    const bytes = await readWithin(path, CREDENTIAL_FILE_MAX_BYTES, options);
    return { ...entry, [fileKey]: undefined, [dataKey]: bytes.toString('base64') };
  } catch (err) {
    if (options.signal?.aborted) throw new ClusterError('cancelled', `reading ${path}: cancelled`);
    throw new ClusterError(
      'config',
      `${what}, ${path}, cannot be read: ${describeReadError(err)}. Fix that path in the kubeconfig (a relative path is relative to the kubeconfig file).`,
    );
  }
}

/** A pod list of a busy namespace is a few MB; more is not an answer this client can use. */
const ANSWER_MAX_BYTES = 64 * 2 ** 20;
/** The body of an error answer: a Status object, or a proxy's page. */
const ERROR_ANSWER_MAX_BYTES = 2 ** 20;

/** The message of an error answer: the Status message, else the title or start of a page. */
function errorText(value: unknown, text: string, contentType: string | undefined): string {
  const message = (value as { message?: unknown } | undefined)?.message;
  if (typeof message === 'string') return message;
  if (/html/i.test(contentType ?? '') || /^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title
      ? `an HTML page titled "${title.slice(0, 80)}", not the API server's JSON`
      : "an HTML page, not the API server's JSON";
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
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
    private readonly clock: Clock,
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
        `cannot get credentials for user "${this.target.user}" of context "${this.target.context}": ${this.redact(err instanceof Error ? err.message : String(err))}.` +
          (this.kc.getCurrentUser()?.exec
            ? ' The user runs an exec credential plugin: make sure its command is installed and on PATH.'
            : ' Fix that user in the kubeconfig.'),
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
        cancelTimer();
        resolve({ res, done: () => req.destroy() });
      });
      const cancelTimer = this.clock.timer(this.timeoutMs, () =>
        req.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' })),
      );
      req.on('error', (err) => {
        cancelTimer();
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

  /** Reads a whole answer, bounded in time (the request timeout) and size, and turns non-2xx into ClusterError. */
  private async json<T>(
    method: string,
    path: string,
    query: Record<string, string | undefined>,
    body: unknown,
    what: string,
    signal?: AbortSignal,
  ): Promise<{ status: number; value: T }> {
    const { res, done } = await this.open(method, path, query, body, what, signal);
    const cancelTimer = this.clock.timer(this.timeoutMs, () =>
      res.destroy(
        Object.assign(new Error(`the answer did not end within ${this.timeoutMs} ms`), { code: 'ETIMEDOUT' }),
      ),
    );
    let text: string;
    try {
      text = await this.readAnswer(res, ANSWER_MAX_BYTES, what, done);
    } catch (err) {
      throw this.failure(err, what, signal);
    } finally {
      cancelTimer();
    }
    const status = res.statusCode ?? 0;
    const contentType = res.headers['content-type'];
    let value: unknown;
    try {
      value = text ? JSON.parse(text) : undefined;
    } catch {
      value = undefined;
    }
    if (status >= 200 && status < 300) {
      // Every answer of the API server to these calls is a JSON object (DELETE too); anything else came from
      // something in front of it, and must not pass for a pod.
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw this.notJson(status, contentType, text, what);
      return { status, value: value as T };
    }
    throw httpErrorMessage(status, this.redact(errorText(value, text, contentType)), what, this.target);
  }

  /** The body of an answer as text; more than `limit` bytes is a ClusterError('bad_answer'). */
  private async readAnswer(res: http.IncomingMessage, limit: number, what: string, done: () => void): Promise<string> {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of res) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total > limit) {
        done();
        throw answerTooLarge(limit, what, this.target);
      }
    }
    return Buffer.concat(chunks, total).toString('utf8');
  }

  private notJson(status: number, contentType: string | undefined, text: string, what: string): ClusterError {
    const e = notJsonAnswer(status, contentType, this.redact(text), what, this.target);
    return new ClusterError(e.kind, this.redact(e.message), e.status);
  }

  /** A streaming GET: resolves with the body once the server answered 200 with what the API server sends. */
  private async stream(
    path: string,
    query: Record<string, string | undefined>,
    what: string,
    signal: AbortSignal,
  ): Promise<ByteStream> {
    const { res, done } = await this.open('GET', path, query, undefined, what, signal);
    const contentType = res.headers['content-type'];
    if (res.statusCode !== 200 || /html/i.test(contentType ?? '')) {
      let text = '';
      try {
        text = await this.readAnswer(res, ERROR_ANSWER_MAX_BYTES, what, done);
      } catch {
        // the error answer itself was cut or too long: report the status alone
      }
      done();
      if (res.statusCode === 200) throw this.notJson(200, contentType, text, what);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        // not a Status object
      }
      throw httpErrorMessage(res.statusCode ?? 0, this.redact(errorText(value, text, contentType)), what, this.target);
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
