// Pods a crashed VS Code window left running: pods this extension labelled with another window's session id that
// are still Pending or Running (a window that closed normally cancelled its runs, which deleted their pods, and
// pods kept on purpose by keep_finished_pods/keep_failed_pods have finished). Found once at start, offered for
// deletion; never deleted without the user's word.
import * as vscode from 'vscode';
import { openCluster, type KubePod } from '../../../server/src/cluster';
import { WINDOW_LABEL, windowLabelValue } from './clusterRunner';
import type { ClusterChoice } from './clusterTarget';

export async function findOrphanPods(
  choice: ClusterChoice,
): Promise<{ pods: KubePod[]; deletePod: (name: string) => Promise<boolean> }> {
  const api = await openCluster(
    {
      inCluster: false,
      configFile: null,
      clusterContext: null,
      context: choice.context,
      namespace: choice.namespace ?? 'default',
      env: process.env,
    },
    { requestTimeoutMs: 5000 },
  );
  const list = await api.listPods({ labelSelector: `${WINDOW_LABEL},${WINDOW_LABEL}!=${windowLabelValue()}` });
  const pods = list.items.filter((p) => p.status?.phase === 'Pending' || p.status?.phase === 'Running');
  return { pods, deletePod: (name) => api.deletePod(name) };
}

/** Offers to delete the orphans of the chosen context/namespace; quiet when there are none or no cluster. */
export async function offerOrphanCleanup(choice: ClusterChoice): Promise<void> {
  let found: Awaited<ReturnType<typeof findOrphanPods>>;
  try {
    found = await findOrphanPods(choice);
  } catch {
    return; // No cluster configured or reachable: nothing to clean up from here.
  }
  if (found.pods.length === 0) return;
  const names = found.pods.map((p) => p.metadata?.name ?? '');
  const answer = await vscode.window.showWarningMessage(
    `${names.length} dbnd pod${names.length === 1 ? '' : 's'} started from an earlier VS Code window ${names.length === 1 ? 'is' : 'are'} still running: ${names.join(', ')}.`,
    'Delete',
    'Keep',
  );
  if (answer !== 'Delete') return;
  const failed: string[] = [];
  for (const n of names) await found.deletePod(n).catch(() => failed.push(n));
  if (failed.length > 0) void vscode.window.showErrorMessage(`Could not delete: ${failed.join(', ')}`);
}
