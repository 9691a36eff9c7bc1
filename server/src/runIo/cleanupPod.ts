// The last step of an attempt: keep_finished_pods / keep_failed_pods decide on the pod as it is now (as dbnd's
// delete_pod reads it, docs/dbnd-rules.md §4.6); a pod that never started is deleted without a grace period. A
// delete that cannot reach the API server is retried a few times, then the pod is named as left behind with the
// kubectl command that deletes it.
import type { AttemptContext } from './attemptContext';
import { ClusterError, isPermanent } from './errors';
import type { KubePod } from './kubeApi';
import { shouldDeletePod } from '../core/lifecycle';
import type { CleanupOutcome } from './runEvents';

export async function cleanupPod(
  ctx: AttemptContext,
  podName: string,
  lastSeen: KubePod | null,
): Promise<CleanupOutcome> {
  const { api, clock, policy } = ctx;
  let current: KubePod | null = lastSeen;
  try {
    current = await api.readPod(podName);
  } catch {
    // unreachable: decide on the last state seen
  }
  const at = () => clock.now();
  if (current === null) {
    ctx.emit({ kind: 'cleanup', podName, action: 'already-gone', message: `${podName} is already gone`, at: at() });
    return 'already-gone';
  }
  const phase = current.status?.phase ?? null;
  const keep = shouldDeletePod(phase, {
    keepFinishedPods: policy.keepFinishedPods,
    keepFailedPods: policy.keepFailedPods,
  });
  if (!keep.delete) {
    ctx.emit({ kind: 'cleanup', podName, action: 'kept', message: `${podName}: ${keep.why}`, at: at() });
    return 'kept';
  }
  const neverStarted = phase === 'Pending' || phase === null;
  for (let attempt = 0, delay = 250; ; attempt++, delay = Math.min(delay * 2, 5_000)) {
    try {
      const existed = await api.deletePod(podName, neverStarted ? { gracePeriodSeconds: 0 } : {});
      const action = existed ? 'deleted' : 'already-gone';
      ctx.emit({
        kind: 'cleanup',
        podName,
        action,
        message: `${podName} ${existed ? 'deleted' : 'was already gone'}`,
        at: at(),
      });
      return action;
    } catch (err) {
      if (isPermanent(err) || !(err instanceof ClusterError) || attempt >= 4) {
        const t = api.target;
        ctx.emit({
          kind: 'cleanup',
          podName,
          action: 'failed',
          message: `${podName} could not be deleted (${(err as Error).message}); delete it with: kubectl --context ${t.context} -n ${t.namespace} delete pod ${podName}`,
          at: at(),
        });
        return 'left-behind';
      }
      await clock.sleep(delay);
    }
  }
}
