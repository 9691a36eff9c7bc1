// Which VS Code window submitted a pod: a label with the window's session id (so pods of other windows can be
// listed by label) and an annotation naming the host and the extension host's process. A window that closes
// normally cancels its runs, which deletes their pods; a pod of another window whose process is still alive on
// this host belongs to a window that is open now, so it is not an orphan. On another host liveness is unknown.
import { hostname } from 'node:os';
import * as vscode from 'vscode';
import type { KubePod } from '../../../server/src/runIo';

export const WINDOW_LABEL = 'databand-vscode/window';
export const OWNER_ANNOTATION = 'databand-vscode/owner';

/** A label value is at most 63 characters of [A-Za-z0-9._-]. */
export function windowLabelValue(): string {
  return vscode.env.sessionId.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 63) || 'window';
}

function ownerValue(): string {
  return `${hostname()}/${process.pid}`;
}

type PodBody = { readonly metadata: { readonly name: string } & Record<string, unknown> } & Record<string, unknown>;

/** The pod body with this window's label and owner annotation added. */
export function markAsThisWindow<P extends PodBody>(pod: P): P {
  const metadata = pod.metadata as { labels?: Record<string, string>; annotations?: Record<string, string> };
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      labels: { ...metadata.labels, [WINDOW_LABEL]: windowLabelValue() },
      annotations: { ...metadata.annotations, [OWNER_ANNOTATION]: ownerValue() },
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when the pod's window is known to be open now: its extension host runs on this host. */
export function ownerIsAlive(pod: KubePod): boolean {
  const owner = (pod.metadata as { annotations?: Record<string, string> | null } | undefined)?.annotations?.[
    OWNER_ANNOTATION
  ];
  const match = /^(.*)\/(\d+)$/.exec(owner ?? '');
  if (!match || match[1] !== hostname()) return false;
  const pid = Number(match[2]);
  return pid !== process.pid && isAlive(pid);
}
