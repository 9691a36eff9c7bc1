// The cluster check of "Run Task on Cluster" as the user meets it: right after the environment is chosen, before
// the task and --set questions, the run's kubeconfig context is loaded and its API server asked one bounded
// request. When that fails, an error says why (the cluster module's message) with the next steps: Select
// Kubernetes Context (the existing command; the check runs again with the new choice), Retry (checks again, e.g.
// once the cluster is back) and Show Output (the check's lines). Dismissing it ends the command: nothing was asked
// in vain and nothing was submitted.
import * as vscode from 'vscode';
import { checkCluster, type KubeconfigSettings } from './clusterCheck';
import { RETRY, SELECT_CONTEXT, SHOW_OUTPUT } from './runFailureNotice';
import { askAfterError } from './userPrompts';

let output: vscode.OutputChannel | undefined;

/** One channel for every check of this window: where the check looked and what it found. */
function checkOutput(): vscode.OutputChannel {
  output ??= vscode.window.createOutputChannel('Databand Cluster Check');
  return output;
}

export interface ClusterCheckRequest {
  /** The environment, for the messages. */
  readonly env: string;
  /** The run's kubeconfig settings, read again before every check (a new context choice counts); undefined: dbnd
   * cannot build the engine, which the run's preparation reports in dbnd's words, so there is nothing to check. */
  readonly settings: () => Promise<KubeconfigSettings | undefined>;
  readonly processEnv: NodeJS.ProcessEnv;
  /** Runs "Databand: Select Kubernetes Context"; resolves with the choice, or undefined when it was dismissed. */
  readonly selectContext: () => Thenable<unknown>;
}

/** True when the run may go on: the cluster answered (or there is nothing to check). */
export async function clusterUsable(request: ClusterCheckRequest): Promise<boolean> {
  for (;;) {
    const settings = await request.settings();
    if (!settings) return true;
    const found = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Databand: checking the cluster of ${request.env}` },
      () => checkCluster(settings, request.processEnv),
    );
    const context = settings.context ?? settings.clusterContext;
    const where = `${context ? `context ${context}` : "the kubeconfig's current-context"}, namespace ${settings.namespace}`;
    if (found.ok) {
      checkOutput().appendLine(
        `[${request.env}] ${found.context} / ${found.namespace}: the API server answered (${found.version})`,
      );
      return true;
    }
    checkOutput().appendLine(`[${request.env}] ${where}: ${found.message}`);
    const choice = await askAfterError(
      `Cannot run on ${request.env}: the cluster cannot be used (${where}): ${found.message}`,
      SELECT_CONTEXT,
      RETRY,
      SHOW_OUTPUT,
    );
    if (choice === RETRY) continue;
    if (choice === SELECT_CONTEXT) {
      if ((await request.selectContext()) === undefined) return false;
      continue;
    }
    if (choice === SHOW_OUTPUT) checkOutput().show(true);
    return false;
  }
}
