// What the cluster module needs from Kubernetes, as plain data. Only kubeClient.ts implements it (with
// @kubernetes/client-node); everything else in the module is written against this interface, so the watch, the
// log follower and the run orchestration can also be unit-tested with a scripted server.
import type { NodeCapacity, PodJson } from '../core/lifecycle';
import type { RequestTarget } from './errors';

/** A pod as the API returns it: the fields the lifecycle rules read, plus what the cluster module uses. */
export interface KubePod extends PodJson {
  readonly metadata?: PodJson['metadata'] & {
    readonly namespace?: string | null;
    readonly uid?: string | null;
    readonly resourceVersion?: string | null;
    readonly labels?: Readonly<Record<string, string>> | null;
    readonly creationTimestamp?: string | null;
  };
  readonly spec?: {
    readonly nodeName?: string | null;
    readonly containers?: readonly { readonly name?: string; readonly image?: string }[];
  } | null;
}

export interface PodSelector {
  readonly labelSelector?: string;
  readonly fieldSelector?: string;
}

export interface PodList {
  readonly items: readonly KubePod[];
  readonly resourceVersion: string;
}

export interface WatchRequest extends PodSelector {
  readonly resourceVersion: string;
  /** Server-side end of the watch, in seconds; the client re-watches from the last version. */
  readonly timeoutSeconds?: number;
}

export interface LogRequest {
  readonly container: string;
  readonly follow: boolean;
  readonly timestamps: boolean;
  /** RFC 3339; the API server honours it to the second only. */
  readonly sinceTime?: string;
}

/** A byte stream that ends cleanly, or throws ClusterError('interrupted') when the connection is cut. */
export type ByteStream = AsyncIterable<Buffer>;

/**
 * One context and one namespace: every call below names both (the namespace is in each URL; the credentials and
 * server come from this context only, never from the kubeconfig's current context).
 */
export interface KubeApi {
  readonly target: RequestTarget;
  createPod(pod: object, options?: { readonly dryRun?: boolean; readonly signal?: AbortSignal }): Promise<KubePod>;
  /** null when the pod does not exist (404). */
  readPod(name: string, signal?: AbortSignal): Promise<KubePod | null>;
  /** false when the pod was already gone (404). */
  deletePod(name: string, options?: { readonly gracePeriodSeconds?: number }): Promise<boolean>;
  listPods(selector: PodSelector, signal?: AbortSignal): Promise<PodList>;
  /** Each node's name and `status.capacity` (dbnd's `list_node()` for its capacity check). */
  listNodes(signal?: AbortSignal): Promise<readonly NodeCapacity[]>;
  /** The raw watch stream (newline-separated JSON events); rejects with ClusterError on a non-200 answer. */
  watchPods(request: WatchRequest, signal: AbortSignal): Promise<ByteStream>;
  /** The raw log stream of one container; rejects with ClusterError on a non-200 answer (e.g. 400 while the container waits). */
  podLog(name: string, request: LogRequest, signal: AbortSignal): Promise<ByteStream>;
  /** `gitVersion` of the server, e.g. v1.20.2: a cheap reachability and credentials check. */
  serverVersion(signal?: AbortSignal): Promise<string>;
}
