// How an attempt ends, decided from each state of the pod the watch delivers, with the core's lifecycle rules
// (docs/dbnd-rules.md §4.2–§4.4): a final phase, a deletion, or a deploy error while Pending.
import { checkDeployErrors, classifyPodFailure, podExitCode } from '../core/lifecycle';
import type { DbndFailure, NodeCapacity, PodFailureFacts } from '../core/lifecycle';
import type { KubePod } from './kubeApi';
import type { EndCause } from './runEvents';
import type { RunPolicy } from './runPolicy';

export interface Decision {
  readonly cause: EndCause;
  readonly reason: string | null;
  readonly message: string;
}

const describeFailure = (f: DbndFailure) => (f.helpMsg ? `${f.message} (${f.helpMsg})` : f.message);

/** One word or phrase for the user on what the pod waits for or how its container ended. */
export function statusDetail(pod: KubePod): string | null {
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
export function wantsNodeCapacity(pod: KubePod, policy: RunPolicy): boolean {
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

/** The end of a pod in a final phase. */
export function finalDecision(pod: KubePod, policy: RunPolicy): Decision {
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

export function deletedDecision(): Decision {
  const reason = classifyPodFailure(undefined, { deleted: true, checkImagePullErrors: true });
  return {
    cause: 'pod-deleted',
    reason,
    message: 'the pod was deleted before it finished (by someone else, a node drain or preemption)',
  };
}

/** A Pending pod: dbnd's check_deploy_errors, its warnings, and the end it decides (image pull, config, scheduling). */
export function pendingDecision(
  pod: KubePod,
  policy: RunPolicy,
  nodes: readonly NodeCapacity[] | undefined,
): { readonly warnings: readonly string[]; readonly decision: Decision | null } {
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
  if (!check.failure) return { warnings: check.warnings, decision: null };
  const cause: EndCause =
    check.kind === 'image_not_found' ? 'image-pull' : check.kind === 'config_error' ? 'config-error' : 'unschedulable';
  const reason = classifyPodFailure(pod, failureFacts(policy, nodes));
  return { warnings: check.warnings, decision: { cause, reason, message: describeFailure(check.failure) } };
}
