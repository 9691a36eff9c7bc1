// The pods dbnd labels (build_pod sets `dbnd=dbnd-system-task-run` on driver pods and `dbnd=task-run-executor` on
// task pods, values cleaned for DNS), found by label, e.g. pods a crashed editor window left behind.
import type { KubeApi, KubePod } from './kubeApi';

export const DBND_POD_SELECTOR = 'dbnd in (dbnd-system-task-run,task-run-executor)';

/** dbnd's pods in the API's namespace, grouped by their run (label dbnd_run_uid). */
export async function findDbndPods(api: KubeApi, signal?: AbortSignal): Promise<Map<string, KubePod[]>> {
  const list = await api.listPods({ labelSelector: DBND_POD_SELECTOR }, signal);
  const byRun = new Map<string, KubePod[]>();
  for (const pod of list.items) {
    const run = pod.metadata?.labels?.dbnd_run_uid ?? '';
    byRun.set(run, [...(byRun.get(run) ?? []), pod]);
  }
  return byRun;
}
