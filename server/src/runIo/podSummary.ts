// What the editor's Pods view says about one pod: its phase with the container's waiting/terminated detail, and,
// for a pod that failed or is stuck, the reason key dbnd derives (the key of pod_error_cfg_source_dict) with the
// deploy error dbnd would raise, through the core's lifecycle rules (docs/dbnd-rules.md §4.4).
import { asPullFailure, checkDeployErrors, classifyPodFailure, podExitCode } from '../core/lifecycle';
import type { KubePod } from './kubeApi';

export interface PodSummary {
  readonly name: string;
  readonly phase: string;
  /** `ImagePullBackOff`, `exit code 3 (Error)`, an Unschedulable message, or null. */
  readonly detail: string | null;
  /** dbnd's reason key for a failed pod (`"3"`, `err_image_pull`...), null while nothing failed. */
  readonly reason: string | null;
  /** The error dbnd would raise for it, in words, or null. */
  readonly failure: string | null;
  readonly runUid: string | null;
  readonly tryNumber: string | null;
}

export function summarizePod(pod: KubePod): PodSummary {
  const phase = pod.status?.phase ?? 'Unknown';
  const state = pod.status?.containerStatuses?.[0]?.state;
  const exit = podExitCode(pod);
  const detail = state?.waiting?.reason
    ? state.waiting.reason
    : exit
      ? `exit code ${exit.exitCode ?? '?'}${exit.reason ? ` (${exit.reason})` : ''}`
      : (pod.status?.conditions?.find((c) => c.reason === 'Unschedulable')?.message ?? null);
  // The shipped defaults (check_unschedulable_condition, check_image_pull_errors on); no node listing here.
  // ImagePullBackOff is the pause between ErrImagePull attempts: judged as the failure dbnd declared at one.
  const judged = asPullFailure(pod) ?? pod;
  const deploy = checkDeployErrors(judged, {
    check_unschedulable_condition: true,
    check_image_pull_errors: true,
    check_cluster_resource_capacity: false,
  });
  const failed = phase === 'Failed' || deploy.failure !== null;
  const reason = failed ? classifyPodFailure(judged, { deleted: false, checkImagePullErrors: true }) : null;
  const f = deploy.failure;
  return {
    name: pod.metadata?.name ?? '',
    phase,
    detail,
    reason,
    failure: f
      ? `${f.message}${f.helpMsg ? ` (${f.helpMsg})` : ''}`
      : phase === 'Failed'
        ? `the pod failed${detail ? `: ${detail}` : ''}`
        : null,
    runUid: pod.metadata?.labels?.dbnd_run_uid ?? null,
    tryNumber: pod.metadata?.labels?.try_number ?? null,
  };
}
