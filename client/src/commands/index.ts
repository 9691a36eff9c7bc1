// Every command the extension contributes, in one table: read this file to know what the extension does.
import * as vscode from 'vscode';
import { addKubernetesEngine } from './addKubernetesEngine';
import type { CommandContext, DatabandCommand } from './command';
import { podCommands } from './podCommands';
import { restartServer } from './restartServer';
import { runTaskOnCluster } from './runTaskOnCluster';
import { selectClusterContext } from './selectClusterContext';
import { selectEnvironment } from './selectEnvironment';
import { showEffectiveConfig } from './showEffectiveConfig';
import { showPodSpec } from './showPodSpec';

export const COMMANDS: readonly DatabandCommand[] = [
  restartServer,
  selectEnvironment,
  showPodSpec,
  showEffectiveConfig,
  addKubernetesEngine,
  runTaskOnCluster,
  selectClusterContext,
  ...podCommands,
];

export function registerCommands(context: CommandContext): vscode.Disposable[] {
  return COMMANDS.map((command) =>
    vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.run(context, ...args)),
  );
}
