// The shape of one command of the command table (commands/index.ts) and what every command may use.
import type * as vscode from 'vscode';
import type { EnvironmentSelection } from '../environmentSelection';
import type { ServerController } from '../serverController';
import type { ClusterTarget } from '../cluster/clusterTarget';
import type { PodsView } from '../cluster/podsView';
import type { DocumentViews } from '../views/documentViews';

export interface CommandContext {
  readonly server: ServerController;
  readonly environments: EnvironmentSelection;
  readonly views: DocumentViews;
  readonly workspaceState: vscode.Memento;
  /** The kubeconfig context/namespace chosen per workspace folder for cluster actions. */
  readonly clusterTarget: ClusterTarget;
  readonly pods: PodsView;
  /** Where run logs are written in full (the extension's log folder). */
  readonly logDir: string;
}

export interface DatabandCommand {
  /** As declared in package.json `contributes.commands` (commandIds.ts). */
  readonly id: string;
  /** Arguments come from CodeLenses and other callers; the palette passes none and the command asks. */
  run(context: CommandContext, ...args: unknown[]): Promise<unknown> | unknown;
}
