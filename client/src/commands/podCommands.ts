// The context-menu commands of the Databand Pods view (package.json `menus.view/item/context`): each takes the
// tree node it was invoked on. Also the view's title commands: refresh, and looking for pods of closed windows.
import {
  POD_DELETE_COMMAND,
  POD_FOLLOW_LOG_COMMAND,
  POD_SHOW_FAILURE_COMMAND,
  POD_SHOW_YAML_COMMAND,
  PODS_FIND_ORPHANS_COMMAND,
  PODS_REFRESH_COMMAND,
} from '../commandIds';
import * as vscode from 'vscode';
import { offerOrphanCleanup } from '../cluster/orphanPods';
import { refusedUntrusted } from '../cluster/trustGuard';
import type { CommandContext, DatabandCommand } from './command';
import type { KubePod } from '../../../server/src/runIo';

/** What each action returns is the command's result, which the extension's tests read. */
function onPod(id: string, action: (context: CommandContext, pod: KubePod) => unknown): DatabandCommand {
  return {
    id,
    run(context, node) {
      const pod = context.pods.podOf(node);
      return pod ? action(context, pod) : undefined;
    },
  };
}

export const podCommands: readonly DatabandCommand[] = [
  onPod(POD_FOLLOW_LOG_COMMAND, (c, pod) => c.pods.followLog(pod)),
  onPod(POD_SHOW_YAML_COMMAND, (c, pod) => c.pods.showYaml(pod)),
  onPod(POD_SHOW_FAILURE_COMMAND, (c, pod) => c.pods.showFailure(pod)),
  onPod(POD_DELETE_COMMAND, (c, pod) => c.pods.delete(pod)),
  { id: PODS_REFRESH_COMMAND, run: (c) => c.pods.start() },
  {
    id: PODS_FIND_ORPHANS_COMMAND,
    run: (c) =>
      refusedUntrusted('findOrphans', vscode.workspace.isTrusted, (m) => void vscode.window.showWarningMessage(m))
        ? undefined
        : offerOrphanCleanup(c.pods.choice() ?? { context: null, namespace: null }, true),
  },
];
