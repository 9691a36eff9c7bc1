// Pods a crashed VS Code window left running: pods this extension labelled with another window's session id that
// are still Pending or Running and whose window is not known to be open (windowIdentity.ts). A window that closed
// normally cancelled its runs, which deleted their pods, and pods kept on purpose by keep_finished_pods /
// keep_failed_pods have finished. Looked for at start and on command; offered for deletion, never deleted without
// the user's word.
import * as vscode from 'vscode';
import { openCluster, type KubeApi, type KubePod } from '../../../server/src/runIo';
import type { ClusterChoice } from './clusterTarget';
import { ask } from './userPrompts';
import { WINDOW_LABEL, ownerIsAlive, windowLabelValue } from './windowIdentity';

export async function findOrphanPods(api: KubeApi): Promise<KubePod[]> {
  const list = await api.listPods({ labelSelector: `${WINDOW_LABEL},${WINDOW_LABEL}!=${windowLabelValue()}` });
  return list.items.filter((p) => isStillRunning(p) && !ownerIsAlive(p));
}

/** Pending or Running and not already being deleted: a deleted pod stays Running through its grace period, and
 *  offering it again would ask the user about pods they have just deleted. */
function isStillRunning(p: KubePod): boolean {
  return (p.status?.phase === 'Pending' || p.status?.phase === 'Running') && !p.metadata?.deletionTimestamp;
}

export interface OrphanCleanup {
  /** The pods offered for deletion (none: nothing was asked). */
  readonly offered: readonly string[];
  readonly deleted: readonly string[];
  readonly failed: readonly string[];
}

const NOTHING: OrphanCleanup = { offered: [], deleted: [], failed: [] };

/**
 * Offers to delete the orphans of the chosen context/namespace. At start (`onCommand` false) it stays quiet when
 * there are none or no cluster is reachable; on command it says so.
 */
export async function offerOrphanCleanup(choice: ClusterChoice, onCommand: boolean): Promise<OrphanCleanup> {
  let api: KubeApi;
  let pods: KubePod[];
  try {
    api = await openCluster(
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
    pods = await findOrphanPods(api);
  } catch (err) {
    if (onCommand)
      void vscode.window.showErrorMessage(
        `Cannot look for pods of closed windows: ${err instanceof Error ? err.message : String(err)}`,
      );
    return NOTHING;
  }
  const where = `${api.target.context} / ${api.target.namespace}`;
  if (pods.length === 0) {
    if (onCommand) void vscode.window.showInformationMessage(`No dbnd pods of closed VS Code windows in ${where}.`);
    return NOTHING;
  }
  const offered = pods.map((p) => p.metadata?.name ?? '');
  const answer = await ask(
    `${offered.length} dbnd pod${offered.length === 1 ? '' : 's'} started from a VS Code window that is no longer open ${offered.length === 1 ? 'is' : 'are'} still running in ${where}: ${offered.join(', ')}.`,
    false,
    'Delete',
    'Keep',
  );
  if (answer !== 'Delete') return { offered, deleted: [], failed: [] };
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const name of offered) {
    try {
      await api.deletePod(name);
      deleted.push(name);
    } catch {
      failed.push(name);
    }
  }
  if (failed.length > 0) void vscode.window.showErrorMessage(`Could not delete: ${failed.join(', ')}`);
  return { offered, deleted, failed };
}
