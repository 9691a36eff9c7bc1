// A dbnd task run on the cluster: submit the pod, watch it, follow its `base` log, decide how the try ended with the
// core's lifecycle rules, retry with a new pod as `pod_error_cfg_source_dict` says, and clean up as
// keep_finished_pods / keep_failed_pods say. Every path that sent a create request ends with a cleanup decision
// for that pod (cancel and errors included), so a run leaves no pod behind that the keep flags do not ask for;
// if the API server cannot be reached to delete it, the result names the pod (`leftPods`).
import { checkDeployErrors, classifyPodFailure, podExitCode, retryPolicyFor, shouldDeletePod } from '../core/lifecycle';
import type { DbndFailure, NodeCapacity, PodFailureFacts } from '../core/lifecycle';
import { systemClock, type Clock } from './clock';
import { ClusterError, isClusterError, isPermanent } from './errors';
import { followPodLog, DEFAULT_CONTAINER, type FollowResult, type LogNotice } from './followPodLog';
import type { KubeApi, KubePod } from './kubeApi';
import type { LogLine } from './logLines';
import { watchPods, type WatchStatus } from './podWatch';
import { ignoredEntryDelay, type RunPolicy } from './runPolicy';

/** Why a try (and so the run) ended. */
export type EndCause =
  | 'succeeded'
  | 'exit-code'
  | 'image-pull'
  | 'config-error'
  | 'unschedulable'
  | 'startup-timeout'
  | 'pod-deleted'
  | 'pod-failed'
  | 'cluster-error'
  | 'cancelled';

export interface TryResult {
  readonly tryNumber: number;
  readonly podName: string;
  readonly cause: EndCause;
  /** The `pod_error_cfg_source_dict` key dbnd derives (`"3"`, `err_image_pull`, ...), or null when it finds none. */
  readonly reason: string | null;
  readonly message: string;
  readonly phase: string | null;
  readonly log: FollowResult | null;
}

export interface RunResult {
  readonly outcome: 'succeeded' | 'failed' | 'cancelled';
  readonly cause: EndCause;
  /** The reason key that ended the run (null for success, cancel, or a failure dbnd gives no key). */
  readonly reason: string | null;
  /** One sentence: what ended the run and, for errors, what to fix. */
  readonly message: string;
  readonly tries: readonly TryResult[];
  /** Pods that should have been deleted but could not be (the API server was gone). */
  readonly leftPods: readonly string[];
  /** Pods kept on purpose (keep_finished_pods / keep_failed_pods). */
  readonly keptPods: readonly string[];
}

export type RunEvent =
  | { readonly kind: 'submitted'; readonly tryNumber: number; readonly podName: string; readonly at: number }
  | {
      readonly kind: 'status';
      readonly tryNumber: number;
      readonly podName: string;
      readonly phase: string;
      readonly detail: string | null;
      readonly at: number;
    }
  | { readonly kind: 'warning'; readonly tryNumber: number; readonly message: string; readonly at: number }
  | { readonly kind: 'connection'; readonly tryNumber: number; readonly message: string; readonly at: number }
  | { readonly kind: 'log'; readonly tryNumber: number; readonly notice: LogNotice; readonly at: number }
  | { readonly kind: 'try-ended'; readonly result: TryResult; readonly at: number }
  | {
      readonly kind: 'retry';
      readonly nextTry: number;
      readonly reason: string | null;
      readonly retryCount: number;
      readonly delaySeconds: number;
      /** Which rule gave the delay, for the user. */
      readonly delayRule: string;
      readonly at: number;
    }
  | {
      readonly kind: 'cleanup';
      readonly podName: string;
      readonly action: 'deleted' | 'kept' | 'already-gone' | 'failed';
      readonly message: string;
      readonly at: number;
    };

export interface RunOnClusterRequest {
  readonly api: KubeApi;
  /** The pod body for a try (1-based), as the core renders it; each try's name must differ (the try number is in it). */
  readonly podForTry: (tryNumber: number) => { readonly metadata: { readonly name: string } } & Record<string, unknown>;
  readonly policy: RunPolicy;
  readonly container?: string;
  readonly clock?: Clock;
  /** Abort = cancel: the current pod is deleted (keep flags apply, as for dbnd's on_kill). */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: RunEvent) => void;
  readonly onLogLines?: (lines: readonly LogLine[], tryNumber: number) => void;
  /** How long to wait for an API server that went away mid-run. Default 120 s. */
  readonly maxOutageMs?: number;
  /** Watch idle re-watch. Default 30 s. */
  readonly watchIdleMs?: number;
}

interface Decision {
  readonly cause: EndCause;
  readonly reason: string | null;
  readonly message: string;
}

const describeFailure = (f: DbndFailure) => (f.helpMsg ? `${f.message} (${f.helpMsg})` : f.message);

function statusDetail(pod: KubePod): string | null {
  const s = pod.status?.containerStatuses?.[0]?.state;
  if (s?.waiting?.reason) return s.waiting.reason;
  if (s?.terminated)
    return `exit code ${s.terminated.exitCode ?? '?'}${s.terminated.reason ? ` (${s.terminated.reason})` : ''}`;
  const unschedulable = pod.status?.conditions?.find((c) => c.reason === 'Unschedulable');
  return unschedulable?.message ?? null;
}

/** What the core's failure classification needs to know of the engine (and the nodes, once listed). */
function failureFacts(policy: RunPolicy, nodes?: readonly NodeCapacity[]): PodFailureFacts {
  return {
    deleted: false,
    checkImagePullErrors: policy.checkImagePullErrors,
    checkUnschedulableCondition: policy.checkUnschedulableCondition,
    checkClusterResourceCapacity: policy.checkClusterResourceCapacity,
    requestCpu: policy.requestCpu,
    requestMemory: policy.requestMemory,
    nodes,
  };
}

/**
 * dbnd compares request_cpu / request_memory with the largest node only when the scheduler says a pod lacks cpu or
 * memory (docs/dbnd-rules.md §4.4): only then are the nodes worth listing.
 */
function wantsNodeCapacity(pod: KubePod, policy: RunPolicy): boolean {
  if (!policy.checkUnschedulableCondition || !policy.checkClusterResourceCapacity) return false;
  if (!policy.requestCpu && !policy.requestMemory) return false;
  return Boolean(
    pod.status?.conditions?.some(
      (c) =>
        c.reason === 'Unschedulable' &&
        typeof c.message === 'string' &&
        (c.message.includes('Insufficient cpu') || c.message.includes('Insufficient memory')),
    ),
  );
}

/** The try's end for a pod in a final phase. */
function finalDecision(pod: KubePod, policy: RunPolicy): Decision {
  if (pod.status?.phase === 'Succeeded') return { cause: 'succeeded', reason: null, message: 'the pod succeeded' };
  const reason = classifyPodFailure(pod, failureFacts(policy));
  const exit = podExitCode(pod);
  if (exit && exit.exitCode !== null && reason === String(exit.exitCode)) {
    return {
      cause: 'exit-code',
      reason,
      message: `the container exited with code ${exit.exitCode}${exit.reason ? ` (${exit.reason})` : ''}`,
    };
  }
  const why = (pod.status as { reason?: string; message?: string } | null | undefined) ?? {};
  return {
    cause: 'pod-failed',
    reason,
    message: `the pod failed${why.reason ? `: ${why.reason}` : ''}${why.message ? ` (${why.message})` : ''}`,
  };
}

function deletedDecision(): Decision {
  const reason = classifyPodFailure(undefined, { deleted: true, checkImagePullErrors: true });
  return {
    cause: 'pod-deleted',
    reason,
    message: 'the pod was deleted before it finished (by someone else, a node drain or preemption)',
  };
}

export async function runOnCluster(request: RunOnClusterRequest): Promise<RunResult> {
  const { api, policy } = request;
  const clock = request.clock ?? systemClock;
  const container = request.container ?? DEFAULT_CONTAINER;
  const maxOutageMs = request.maxOutageMs ?? 120_000;
  const tries: TryResult[] = [];
  const leftPods: string[] = [];
  const keptPods: string[] = [];
  /** Pods whose create request the server refused outright. */
  const nothingCreated = new Set<string>();
  const emit = (e: RunEvent) => request.onEvent?.(e);
  const cancelled = () => request.signal?.aborted === true;

  // Fail fast, before any pod exists, when the server is unreachable or refuses the credentials.
  await api.serverVersion(request.signal);

  for (let tryNumber = 1; ; tryNumber++) {
    const result = await runTry(tryNumber);
    tries.push(result);
    emit({ kind: 'try-ended', result, at: clock.now() });
    const base = { tries, leftPods, keptPods };
    if (result.cause === 'succeeded')
      return {
        outcome: 'succeeded',
        cause: 'succeeded',
        reason: null,
        message: `${result.podName} succeeded`,
        ...base,
      };
    if (result.cause === 'cancelled')
      return { outcome: 'cancelled', cause: 'cancelled', reason: null, message: result.message, ...base };
    if (result.cause === 'cluster-error')
      return { outcome: 'failed', cause: result.cause, reason: null, message: result.message, ...base };

    const retry = retryPolicyFor(result.reason, policy.podErrorCfgSourceDict, {
      taskRetries: policy.taskRetries,
      podDefaultRetryDelaySeconds: policy.podDefaultRetryDelaySeconds,
    });
    if (!retry.ok) {
      const message = `${result.message}; dbnd would then fail on pod_error_cfg_source_dict with ${retry.error.type}: ${retry.error.message}`;
      return { outcome: 'failed', cause: result.cause, reason: result.reason, message, ...base };
    }
    const policyForReason = retry.value;
    const retryCount = Number(policyForReason.retryCount);
    const reasonText = result.reason === null ? 'no reason key' : `reason "${result.reason}"`;
    if (!Number.isFinite(retryCount) || tryNumber > retryCount) {
      const tried = tryNumber === 1 ? '' : ` after ${tryNumber} tries`;
      return {
        outcome: 'failed',
        cause: result.cause,
        reason: result.reason,
        message: `${result.message} (${reasonText}${tried}; ${retryCount} ${retryCount === 1 ? 'retry' : 'retries'} allowed by ${policyForReason.source})`,
        ...base,
      };
    }
    const ignored = ignoredEntryDelay(policy.podErrorCfgSourceDict, result.reason);
    const delayRule =
      `pod_default_retry_delay (${policyForReason.delaySeconds} s), as dbnd's runtime does` +
      (ignored ? `; the entry's retry_delay (${ignored}) is not used by dbnd` : '');
    emit({
      kind: 'retry',
      nextTry: tryNumber + 1,
      reason: result.reason,
      retryCount,
      delaySeconds: policyForReason.delaySeconds,
      delayRule,
      at: clock.now(),
    });
    await clock.sleep(policyForReason.delaySeconds * 1000, request.signal);
    if (cancelled())
      return { outcome: 'cancelled', cause: 'cancelled', reason: null, message: 'cancelled between tries', ...base };
  }

  async function submit(body: ReturnType<RunOnClusterRequest['podForTry']>, tryNumber: number): Promise<KubePod> {
    let outageSince: number | null = null;
    let retried = false;
    let attempts = 0;
    for (let delay = 250; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        return await api.createPod(body, { signal: request.signal });
      } catch (err) {
        // The server answered no (403, 422...): nothing was created, nothing to clean up.
        if (err instanceof ClusterError && err.status !== undefined && err.status < 500 && !retried)
          nothingCreated.add(body.metadata.name);
        if (retried && isClusterError(err, 'conflict')) {
          // An earlier attempt did create it before the connection broke: it is ours if its attempt label matches.
          const existing = await api.readPod(body.metadata.name, request.signal);
          const mine = (body as { metadata: { labels?: Record<string, string> } }).metadata.labels
            ?.dbnd_task_run_attempt_uid;
          if (existing && existing.metadata?.labels?.dbnd_task_run_attempt_uid === mine) return existing;
        }
        if (cancelled() || isPermanent(err) || !(err instanceof ClusterError) || isClusterError(err, 'conflict'))
          throw err;
        const e = err as ClusterError; // transient, by the test above
        outageSince ??= clock.now();
        attempts++;
        const spent = `${attempts} ${attempts === 1 ? 'attempt' : 'attempts'} in ${Math.round((clock.now() - outageSince) / 1000)} s`;
        if (clock.now() - outageSince > maxOutageMs)
          throw new ClusterError(e.kind, `${e.message} (gave up after ${spent})`, e.status);
        emit({
          kind: 'connection',
          tryNumber,
          message: `creating the pod failed (${e.message}); ${spent}, retrying in ${delay / 1000} s`,
          at: clock.now(),
        });
        retried = true;
        await clock.sleep(delay, request.signal);
      }
    }
  }

  async function runTry(tryNumber: number): Promise<TryResult> {
    const body = request.podForTry(tryNumber);
    const podName = body.metadata.name;
    let lastPod: KubePod | null = null;
    let deletedSeen = false;
    let follow: Promise<FollowResult> | null = null;
    const followAbort = new AbortController();
    let settle!: (d: Decision) => void;
    let decision: Decision | null = null;
    const decided = new Promise<Decision>((resolve) => (settle = resolve));
    const decide = (d: Decision) => {
      if (decision) return;
      decision = d;
      settle(d);
    };
    const onAbort = () =>
      decide({ cause: 'cancelled', reason: null, message: `cancelled; ${podName} is being deleted` });
    request.signal?.addEventListener('abort', onAbort, { once: true });
    const warned = new Set<string>();
    let lastStatus = '';
    // The cluster's nodes, listed once per try when the capacity check needs them; undefined until then, and for
    // good if the listing fails (dbnd then gives up the check silently and the pod keeps waiting).
    let nodes: readonly NodeCapacity[] | undefined;
    let nodesListed = false;
    const listNodesFor = (pod: KubePod) => {
      if (nodesListed || !wantsNodeCapacity(pod, policy)) return;
      nodesListed = true;
      api.listNodes(request.signal).then(
        (listed) => {
          nodes = listed;
          if (lastPod && lastPod.status?.phase === 'Pending') onPod(lastPod, false);
        },
        () => undefined,
      );
    };

    const startFollower = () => {
      if (follow) return;
      follow = followPodLog(api, podName, {
        container,
        clock,
        signal: followAbort.signal,
        maxOutageMs,
        onLines: (lines) => request.onLogLines?.(lines, tryNumber),
        onNotice: (notice) => emit({ kind: 'log', tryNumber, notice, at: clock.now() }),
      }).catch((err: unknown) => {
        emit({
          kind: 'warning',
          tryNumber,
          message: `the log could not be followed: ${(err as Error).message}`,
          at: clock.now(),
        });
        return null as unknown as FollowResult;
      });
    };

    const onPod = (pod: KubePod, deleted: boolean) => {
      lastPod = pod;
      const phase = pod.status?.phase ?? 'Unknown';
      const detail = deleted ? 'deleted' : pod.metadata?.deletionTimestamp ? 'terminating' : statusDetail(pod);
      const status = `${phase}|${detail}`;
      if (status !== lastStatus) {
        lastStatus = status;
        emit({ kind: 'status', tryNumber, podName, phase, detail, at: clock.now() });
      }
      if (decision) return;
      const containerStarted = Boolean(
        pod.status?.containerStatuses?.some((c) => c.state?.running || c.state?.terminated),
      );
      if (containerStarted) startFollower();
      if (deleted) deletedSeen = true;
      if (phase === 'Succeeded') return decide(finalDecision(pod, policy));
      // dbnd checks the deletion before the exit code: a pod killed by its deletion is err_pod_deleted, not 137.
      if (deleted || pod.metadata?.deletionTimestamp) return decide(deletedDecision());
      if (phase === 'Failed') return decide(finalDecision(pod, policy));
      if (phase === 'Pending') {
        listNodesFor(pod);
        const check = checkDeployErrors(
          pod,
          {
            check_unschedulable_condition: policy.checkUnschedulableCondition,
            check_image_pull_errors: policy.checkImagePullErrors,
            check_cluster_resource_capacity: policy.checkClusterResourceCapacity,
            request_cpu: policy.requestCpu,
            request_memory: policy.requestMemory,
          },
          { nodes },
        );
        for (const w of check.warnings) {
          if (!warned.has(w)) emit({ kind: 'warning', tryNumber, message: w, at: clock.now() });
          warned.add(w);
        }
        if (check.failure) {
          const reason = classifyPodFailure(pod, failureFacts(policy, nodes));
          const cause: EndCause =
            check.kind === 'image_not_found'
              ? 'image-pull'
              : check.kind === 'config_error'
                ? 'config-error'
                : 'unschedulable';
          decide({ cause, reason, message: describeFailure(check.failure) });
        }
      }
    };

    let sent = false;
    let watch: ReturnType<typeof watchPods> | null = null;
    let cancelStartup = () => {};
    try {
      if (cancelled())
        return { tryNumber, podName, cause: 'cancelled', reason: null, message: 'cancelled', phase: null, log: null };
      sent = true;
      const created = await submit(body, tryNumber);
      emit({ kind: 'submitted', tryNumber, podName, at: clock.now() });
      onPod(created, false);
      watch = watchPods(api, {
        selector: { fieldSelector: `metadata.name=${podName}` },
        clock,
        idleMs: request.watchIdleMs,
        maxOutageMs,
        onEvent: (e) => onPod(e.pod, e.type === 'DELETED'),
        onStatus: (s: WatchStatus) => {
          if (s.kind === 'reconnecting')
            emit({ kind: 'connection', tryNumber, message: `watch: ${s.error}; reconnecting`, at: clock.now() });
          if (s.kind === 'relist')
            emit({ kind: 'connection', tryNumber, message: `watch: ${s.why}; listing again`, at: clock.now() });
        },
      });
      watch.done.catch((err: unknown) =>
        decide({ cause: 'cluster-error', reason: null, message: (err as Error).message }),
      );
      cancelStartup = clock.timer(policy.startupTimeoutSeconds * 1000, () => {
        const phase = (lastPod as KubePod | null)?.status?.phase ?? 'Pending';
        if (phase === 'Pending') {
          decide({
            cause: 'startup-timeout',
            reason: null,
            message: `the pod stayed Pending longer than startup_timeout (${policy.startupTimeoutSeconds} s)`,
          });
        }
      });
      const d = await decided;
      cancelStartup();
      // Read the log to its last line before anything is deleted: a finished container's follower ends by itself.
      if (follow && (d.cause === 'succeeded' || d.cause === 'exit-code' || d.cause === 'pod-failed')) {
        const log = await follow;
        return { tryNumber, podName, ...d, phase: (lastPod as KubePod | null)?.status?.phase ?? null, log };
      }
      return { tryNumber, podName, ...d, phase: (lastPod as KubePod | null)?.status?.phase ?? null, log: null };
    } catch (err) {
      if (cancelled())
        return { tryNumber, podName, cause: 'cancelled', reason: null, message: 'cancelled', phase: null, log: null };
      const message = err instanceof Error ? err.message : String(err);
      return {
        tryNumber,
        podName,
        cause: 'cluster-error',
        reason: null,
        message,
        phase: (lastPod as KubePod | null)?.status?.phase ?? null,
        log: null,
      };
    } finally {
      cancelStartup();
      request.signal?.removeEventListener('abort', onAbort);
      watch?.stop();
      followAbort.abort();
      await Promise.resolve(follow).catch(() => undefined);
      await watch?.done.catch(() => undefined);
      if (sent && !deletedSeen && !nothingCreated.has(podName)) await cleanup(podName, lastPod);
    }
  }

  /** keep_finished_pods / keep_failed_pods decide; a pod that never started is deleted without a grace period. */
  async function cleanup(podName: string, pod: KubePod | null): Promise<void> {
    // Decide on the pod as it is now, as dbnd's delete_pod reads it.
    let current: KubePod | null = pod;
    try {
      current = await api.readPod(podName);
    } catch {
      // unreachable: decide on the last state seen
    }
    if (current === null) {
      emit({
        kind: 'cleanup',
        podName,
        action: 'already-gone',
        message: `${podName} is already gone`,
        at: clock.now(),
      });
      return;
    }
    const phase = current.status?.phase ?? null;
    const keep = shouldDeletePod(phase, {
      keepFinishedPods: policy.keepFinishedPods,
      keepFailedPods: policy.keepFailedPods,
    });
    if (!keep.delete) {
      keptPods.push(podName);
      emit({ kind: 'cleanup', podName, action: 'kept', message: `${podName}: ${keep.why}`, at: clock.now() });
      return;
    }
    const neverStarted = phase === 'Pending' || phase === null;
    for (let attempt = 0, delay = 250; ; attempt++, delay = Math.min(delay * 2, 5_000)) {
      try {
        const existed = await api.deletePod(podName, neverStarted ? { gracePeriodSeconds: 0 } : {});
        emit({
          kind: 'cleanup',
          podName,
          action: existed ? 'deleted' : 'already-gone',
          message: `${podName} ${existed ? 'deleted' : 'was already gone'}`,
          at: clock.now(),
        });
        return;
      } catch (err) {
        if (isPermanent(err) || !(err instanceof ClusterError) || attempt >= 4) {
          leftPods.push(podName);
          const t = api.target;
          emit({
            kind: 'cleanup',
            podName,
            action: 'failed',
            message: `${podName} could not be deleted (${(err as Error).message}); delete it with: kubectl --context ${t.context} -n ${t.namespace} delete pod ${podName}`,
            at: clock.now(),
          });
          return;
        }
        await clock.sleep(delay);
      }
    }
  }
}
