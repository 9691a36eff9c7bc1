// VS Code entry point. Thin on purpose: the language lives in the server; the client owns the UI around it
// (output channel, status items, commands, read-only documents).
import * as vscode from 'vscode';
import { cancelAllRuns } from './cluster/clusterRunner';
import { ClusterTarget } from './cluster/clusterTarget';
import { offerOrphanCleanup } from './cluster/orphanPods';
import { PodsView } from './cluster/podsView';
import { answerQuestionsWith } from './cluster/userPrompts';
import { registerCommands } from './commands';
import { pickerShown, type EnvironmentItem } from './commands/selectEnvironment';
import { EnvironmentSelection } from './environmentSelection';
import { EnvironmentStatus } from './environmentStatus';
import { ServerController } from './serverController';
import { createServerStatusItem } from './serverStatus';
import { activeProject } from './projectTarget';
import { DocumentViews } from './views/documentViews';

/** What activate() returns: for the extension's own tests, which cannot see the UI through the API otherwise. */
export interface DatabandApi {
  readonly environmentStatus: EnvironmentStatus;
  readonly onDidShowEnvironmentPicker: vscode.Event<vscode.QuickPick<EnvironmentItem>>;
  readonly pods: PodsView;
  /** Answers the cluster UI's confirmations (delete a pod, delete a closed window's pods) instead of a person. */
  readonly answerQuestionsWith: typeof answerQuestionsWith;
}

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DatabandApi> {
  const output = vscode.window.createOutputChannel('Databand', { log: true });
  const status = createServerStatusItem();
  server = new ServerController(context, output, status);
  const environments = new EnvironmentSelection(context.workspaceState);
  const views = new DocumentViews(server, environments);
  const environmentStatus = new EnvironmentStatus(server, environments, views);
  const clusterTarget = new ClusterTarget(context.workspaceState);
  const projectKey = () => activeProject((uri) => views.projectOf(uri))?.key;
  const pods = new PodsView(() => {
    const key = projectKey();
    return key ? clusterTarget.get(key) : undefined;
  }, context.logUri.fsPath);
  const showClusterTarget = () => clusterTarget.show(projectKey());
  context.subscriptions.push(
    output,
    status,
    environments,
    views,
    environmentStatus,
    pickerShown,
    clusterTarget,
    pods,
    ...registerCommands({
      server,
      environments,
      views,
      workspaceState: context.workspaceState,
      clusterTarget,
      pods,
      logDir: context.logUri.fsPath,
    }),
    vscode.window.onDidChangeActiveTextEditor(showClusterTarget),
    vscode.workspace.onDidGrantWorkspaceTrust(showClusterTarget),
    clusterTarget.onDidChange(() => {
      showClusterTarget();
      pods.refreshIfVisible();
    }),
  );
  showClusterTarget();
  const key = projectKey();
  if (vscode.workspace.isTrusted && key) void offerOrphanCleanup(clusterTarget.get(key), false);
  await server.start();
  void environmentStatus.update();
  return { environmentStatus, onDidShowEnvironmentPicker: pickerShown.event, pods, answerQuestionsWith };
}

export async function deactivate(): Promise<void> {
  // Runs of this window are cancelled, which deletes their pods (keep flags apply).
  cancelAllRuns();
  // VS Code waits for this promise, so the server gets its shutdown/exit instead of being killed.
  await server?.stop();
  server = undefined;
}
