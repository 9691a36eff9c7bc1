// The kubeconfig context and namespace runs and the Pods view use, per workspace folder, remembered in the
// workspace state. Unset means "as dbnd would": the engine's cluster_context (else the kubeconfig's
// current-context) and the engine's namespace. A status bar item shows the choice; clicking it switches.
import * as vscode from 'vscode';
import { describeKubeconfig, type KubeconfigRequest } from '../../../server/src/runIo';
import { clusterTargetLabel } from './clusterTargetLabel';

export interface ClusterChoice {
  /** null: the engine's cluster_context, else the kubeconfig's current-context. */
  readonly context: string | null;
  /** null: the engine's namespace. */
  readonly namespace: string | null;
}

const STATE_KEY = 'databand.clusterTarget';
const UNSET: ClusterChoice = { context: null, namespace: null };

export class ClusterTarget implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'databand.clusterTarget',
    vscode.StatusBarAlignment.Right,
    99,
  );
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the folder key whose choice changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    this.item.name = 'Databand: Kubernetes context of runs';
    this.item.command = 'databand.selectClusterContext';
  }

  get(folderKey: string): ClusterChoice {
    return this.state.get<Record<string, ClusterChoice>>(STATE_KEY, {})[folderKey] ?? UNSET;
  }

  async set(folderKey: string, choice: ClusterChoice): Promise<void> {
    const all = { ...this.state.get<Record<string, ClusterChoice>>(STATE_KEY, {}), [folderKey]: choice };
    await this.state.update(STATE_KEY, all);
    this.changed.fire(folderKey);
  }

  /** Shows the folder's choice; hidden outside a trusted workspace, where cluster actions are off. */
  show(folderKey: string | undefined): void {
    if (!folderKey || !vscode.workspace.isTrusted) return this.item.hide();
    const label = clusterTargetLabel(this.get(folderKey));
    this.item.text = label.text;
    this.item.tooltip = label.tooltip;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
  }
}

/** The contexts of the user's kubeconfig (KUBECONFIG merged as kubectl merges it), for the picker. */
export async function kubeconfigContexts(
  env: NodeJS.ProcessEnv,
): Promise<{ names: string[]; current: string | undefined; error?: string }> {
  const request: KubeconfigRequest = {
    inCluster: false,
    configFile: null,
    clusterContext: null,
    context: null,
    namespace: 'default',
    env,
  };
  try {
    const summary = await describeKubeconfig(request);
    return { names: summary.contexts.map((c) => c.name), current: summary.currentContext };
  } catch (err) {
    return { names: [], current: undefined, error: err instanceof Error ? err.message : String(err) };
  }
}
