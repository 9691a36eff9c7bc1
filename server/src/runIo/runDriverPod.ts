// `dbnd run TASK --interactive` on the cluster: the driver pod is submitted ONCE, as dbnd does
// (KubernetesTaskRunCtrl.docker_run → run_pod raises when the pod fails and never retries; docs/dbnd-rules.md
// §4.5). pod_error_cfg_source_dict retries only the task pods the driver submits, in the Airflow Kubernetes
// executor; a retried driver would run the whole pipeline again. So a failed driver ends the run, and the message
// says where the dict applies. The attempt itself (submit, watch, follow the log, clean up) is podAttempt.ts.
import type { AttemptContext } from './attemptContext';
import { systemClock, type Clock } from './clock';
import { DEFAULT_CONTAINER } from './followPodLog';
import type { KubeApi } from './kubeApi';
import type { LogLine } from './logLines';
import { attemptPod } from './podAttempt';
import type { AttemptResult, EndCause, RunEvent } from './runEvents';
import type { RunPolicy } from './runPolicy';
import type { PodBody } from './submitPod';

export interface DriverRunRequest {
  readonly api: KubeApi;
  /** The driver pod's body, as the core renders it. */
  readonly pod: PodBody;
  readonly policy: RunPolicy;
  readonly container?: string;
  readonly clock?: Clock;
  /** Abort = cancel: the pod is deleted (keep flags apply, as for dbnd's on_kill). */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: RunEvent) => void;
  readonly onLogLines?: (lines: readonly LogLine[]) => void;
  /** How long to wait for an API server that went away mid-run. Default 120 s. */
  readonly maxOutageMs?: number;
  /** Watch idle re-watch. Default 30 s. */
  readonly watchIdleMs?: number;
}

export interface DriverRunResult {
  readonly outcome: 'succeeded' | 'failed' | 'cancelled';
  readonly cause: EndCause;
  /** dbnd's reason key for the failed pod (null for success, cancel, or a failure dbnd gives no key). */
  readonly reason: string | null;
  /** One sentence: what ended the run and, for errors, what to fix. */
  readonly message: string;
  readonly attempt: AttemptResult;
  /** The pod, when it should have been deleted but could not be (the API server was gone). */
  readonly leftPods: readonly string[];
  /** The pod, when kept on purpose (keep_finished_pods / keep_failed_pods). */
  readonly keptPods: readonly string[];
}

/** Said when the driver fails: the user who wrote retries in the dict learns why none happened. */
export const DRIVER_NOT_RETRIED =
  'dbnd submits the driver pod once; pod_error_cfg_source_dict retries only the task pods the driver submits (the Pods view shows them)';

/**
 * What a cancel did, without the word the outcome already says ("cancelled: pod X deleted", never
 * "cancelled: cancelled; …"): what became of the pod, as the cleanup found it.
 */
export function cancelledMessage(attempt: AttemptResult): string {
  const pod = attempt.podName;
  switch (attempt.cleanup) {
    case 'deleted':
      return `pod ${pod} deleted`;
    case 'already-gone':
      return `pod ${pod} was already gone`;
    case 'kept':
      return `pod ${pod} kept (keep_finished_pods / keep_failed_pods)`;
    case 'left-behind':
      return `pod ${pod} could not be deleted (the run's output says how to delete it)`;
    case null:
      // No cleanup: no pod was ever created, or the watch saw it deleted before the cleanup.
      return attempt.phase === null ? 'no pod was created' : `pod ${pod} was already gone`;
  }
}

function outcomeOf(attempt: AttemptResult): Pick<DriverRunResult, 'outcome' | 'reason' | 'message'> {
  if (attempt.cause === 'succeeded')
    return { outcome: 'succeeded', reason: null, message: `${attempt.podName} succeeded` };
  if (attempt.cause === 'cancelled') return { outcome: 'cancelled', reason: null, message: cancelledMessage(attempt) };
  if (attempt.cause === 'cluster-error') return { outcome: 'failed', reason: null, message: attempt.message };
  const reason = attempt.reason === null ? 'no reason key' : `reason "${attempt.reason}"`;
  return {
    outcome: 'failed',
    reason: attempt.reason,
    message: `${attempt.message} (${reason}). ${DRIVER_NOT_RETRIED}`,
  };
}

export async function runDriverPod(request: DriverRunRequest): Promise<DriverRunResult> {
  const clock = request.clock ?? systemClock;
  const ctx: AttemptContext = {
    api: request.api,
    policy: request.policy,
    clock,
    container: request.container ?? DEFAULT_CONTAINER,
    maxOutageMs: request.maxOutageMs ?? 120_000,
    watchIdleMs: request.watchIdleMs,
    signal: request.signal,
    emit: (e) => request.onEvent?.(e),
    onLogLines: request.onLogLines,
  };
  // Fail fast, before any pod exists, when the server is unreachable or refuses the credentials.
  await request.api.serverVersion(request.signal);
  const attempt = await attemptPod(ctx, request.pod);
  ctx.emit({ kind: 'pod-ended', result: attempt, at: clock.now() });
  return {
    ...outcomeOf(attempt),
    cause: attempt.cause,
    attempt,
    leftPods: attempt.cleanup === 'left-behind' ? [attempt.podName] : [],
    keptPods: attempt.cleanup === 'kept' ? [attempt.podName] : [],
  };
}
