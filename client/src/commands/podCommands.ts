// The context-menu commands of the Databand Pods view (package.json `menus.view/item/context`): each takes the
// tree node it was invoked on.
import {
  POD_DELETE_COMMAND,
  POD_FOLLOW_LOG_COMMAND,
  POD_SHOW_FAILURE_COMMAND,
  POD_SHOW_YAML_COMMAND,
  PODS_REFRESH_COMMAND,
} from '../commandIds';
import type { CommandContext, DatabandCommand } from './command';
import type { KubePod } from '../../../server/src/cluster';

function onPod(id: string, action: (context: CommandContext, pod: KubePod) => Promise<void> | void): DatabandCommand {
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
];
