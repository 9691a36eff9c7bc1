// The reason key dbnd looks up in `pod_error_cfg_source_dict` for a failed pod (docs/dbnd-rules.md §4.4):
// DbndKubernetesScheduler._find_pod_failure_reason, plus the one case the scheduler decides itself
// (`err_pod_evicted`: the pod said Succeeded but Airflow's task instance never finished).
import { checkDeployErrors, type DeployCheckConfig, type DeployCheckFacts } from './deployErrors';
import type { PodJson } from './podStatus';

export const POD_FAILURE_REASONS = {
  errImagePull: 'err_image_pull',
  errConfigError: 'err_config_error',
  errPodDeleted: 'err_pod_deleted',
  errPodEvicted: 'err_pod_evicted',
} as const;

export interface PodFailureFacts extends DeployCheckFacts {
  /** The pod is gone from the cluster (read_namespaced_pod gave 404), e.g. deleted or preempted. */
  readonly deleted: boolean;
  /** `check_image_pull_errors` of the engine that checks the pod. */
  readonly checkImagePullErrors: boolean;
  /** Default true, as shipped. */
  readonly checkUnschedulableCondition?: boolean;
  /** Default true, as shipped. */
  readonly checkClusterResourceCapacity?: boolean;
  readonly requestCpu?: string | null;
  readonly requestMemory?: string | null;
  /** Airflow's task instance is in a final state. Only consulted for a pod that reported Succeeded. */
  readonly airflowTaskFinished?: boolean;
}

/** `_try_get_pod_exit_code`: the last terminated container, but `base` wins as soon as it is seen. */
export function podExitCode(pod: PodJson): { exitCode: number | null; reason: string | null } | null {
  let found: { exitCode: number | null; reason: string | null } | null = null;
  for (const container of pod.status?.containerStatuses ?? []) {
    const terminated = container.state?.terminated;
    if (terminated) {
      found = { exitCode: terminated.exitCode ?? null, reason: terminated.reason ?? null };
      if (container.name === 'base') break;
    }
  }
  return found;
}

/** Python str() of an exit code (`None` when the API omitted it). */
function exitCodeKey(exitCode: number | null): string {
  return exitCode === null ? 'None' : String(exitCode);
}

/** The reason key dbnd uses for retries, or null when it finds none (e.g. Unschedulable, a real `Evicted`). */
export function classifyPodFailure(pod: PodJson | undefined, facts: PodFailureFacts): string | null {
  if (pod?.status?.phase === 'Succeeded') {
    // A pod that succeeded is a failure only when Airflow's task instance did not reach a final state.
    return facts.airflowTaskFinished === false ? POD_FAILURE_REASONS.errPodEvicted : null;
  }
  if (facts.deleted || !pod) return POD_FAILURE_REASONS.errPodDeleted;

  if (pod.status?.phase === 'Pending') {
    const config: DeployCheckConfig = {
      check_unschedulable_condition: facts.checkUnschedulableCondition ?? true,
      check_image_pull_errors: facts.checkImagePullErrors,
      check_cluster_resource_capacity: facts.checkClusterResourceCapacity ?? true,
      request_cpu: facts.requestCpu ?? null,
      request_memory: facts.requestMemory ?? null,
    };
    // Only the two known exceptions give a key; any other one (unschedulable, capacity) is swallowed.
    const check = checkDeployErrors(pod, config, facts);
    if (check.kind === 'image_not_found') return POD_FAILURE_REASONS.errImagePull;
    if (check.kind === 'config_error') return POD_FAILURE_REASONS.errConfigError;
    return null;
  }

  if (pod.metadata?.deletionTimestamp) return POD_FAILURE_REASONS.errPodDeleted;

  const exit = podExitCode(pod);
  // `if pod_exit_code or termination_reason`: exit code 0 without a reason is no reason.
  if (exit && (exit.exitCode || exit.reason)) return exitCodeKey(exit.exitCode);
  return null;
}

/**
 * A Pending pod whose first container waits in `ImagePullBackOff`, seen as the `ErrImagePull` it backs off from;
 * null for any other pod. Kubelet alternates the two between pull attempts; dbnd checks only `ErrImagePull`, so a
 * run polling the pod declares `err_image_pull` at an attempt, while a look in between (the Pods view, Show Failure
 * Reason) sees the back-off. Through this, such a look gives the answer dbnd gave, not "has not failed".
 */
export function asPullFailure<P extends PodJson>(pod: P): P | null {
  const statuses = pod.status?.containerStatuses ?? [];
  const waiting = statuses[0]?.state?.waiting;
  if (pod.status?.phase !== 'Pending' || waiting?.reason !== 'ImagePullBackOff') return null;
  const first = { ...statuses[0], state: { ...statuses[0].state, waiting: { ...waiting, reason: 'ErrImagePull' } } };
  return { ...pod, status: { ...pod.status, containerStatuses: [first, ...statuses.slice(1)] } };
}
