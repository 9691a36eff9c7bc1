// The "Databand Pods" view: dbnd's pods (by dbnd's own labels) in the context and namespace chosen for the active
// project, live from a pod watch while the view is visible, grouped by run (label dbnd_run_uid). Each pod shows its
// phase and detail; its context menu follows the log, shows the YAML, explains the failure, or deletes it.
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import {
  DBND_POD_SELECTOR,
  followPodLog,
  openCluster,
  summarizePod,
  systemClock,
  watchPods,
  type KubeApi,
  type KubePod,
  type PodWatch,
} from '../../../server/src/cluster';
import type { ClusterChoice } from './clusterTarget';

type Node =
  | { readonly kind: 'run'; readonly runUid: string; readonly pods: readonly KubePod[] }
  | { readonly kind: 'pod'; readonly pod: KubePod }
  | { readonly kind: 'message'; readonly text: string };

const name = (pod: KubePod) => pod.metadata?.name ?? '';

export class PodsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly pods = new Map<string, KubePod>();
  private watch: PodWatch | undefined;
  private api: KubeApi | undefined;
  private message: string | undefined = 'Open the view to list dbnd pods.';
  private readonly treeView: vscode.TreeView<Node>;

  constructor(private readonly choice: () => ClusterChoice | undefined) {
    this.treeView = vscode.window.createTreeView('databand.pods', { treeDataProvider: this, showCollapseAll: true });
    this.treeView.onDidChangeVisibility((e) => (e.visible ? void this.start() : this.stop()));
  }

  /** (Re)starts the watch on the current choice; the view lists what the watch has seen. */
  async start(): Promise<void> {
    this.stop();
    if (!vscode.workspace.isTrusted) return this.say('Cluster actions need a trusted workspace.');
    const c = this.choice();
    try {
      this.api = await openCluster({
        inCluster: false,
        configFile: null,
        clusterContext: null,
        context: c?.context ?? null,
        namespace: c?.namespace ?? 'default',
        env: process.env,
      });
    } catch (err) {
      return this.say(err instanceof Error ? err.message : String(err));
    }
    this.treeView.description = `${this.api.target.context} / ${this.api.target.namespace}`;
    this.say('Listing dbnd pods…');
    const watch = watchPods(this.api, {
      selector: { labelSelector: DBND_POD_SELECTOR },
      clock: systemClock,
      onStatus: (s) => {
        if (s.kind === 'synced') this.say(s.pods === 0 ? 'No dbnd pods in this namespace.' : undefined);
        if (s.kind === 'reconnecting') this.say(`Reconnecting: ${s.error}`);
      },
      onEvent: (e) => {
        if (e.type === 'DELETED') this.pods.delete(name(e.pod));
        else this.pods.set(name(e.pod), e.pod);
        if (this.pods.size > 0) this.message = undefined;
        this.changed.fire();
      },
    });
    this.watch = watch;
    watch.done.catch((err: unknown) => {
      if (this.watch === watch) this.say(`The watch stopped: ${err instanceof Error ? err.message : String(err)}`);
    });
  }

  refreshIfVisible(): void {
    if (this.treeView.visible) void this.start();
  }

  stop(): void {
    this.watch?.stop();
    this.watch = undefined;
    this.pods.clear();
  }

  private say(text: string | undefined): void {
    this.message = text;
    this.changed.fire();
  }

  /** The pods the view lists now (for tests and commands). */
  listed(): KubePod[] {
    return [...this.pods.values()];
  }

  getChildren(node?: Node): Node[] {
    if (node?.kind === 'run') return node.pods.map((pod) => ({ kind: 'pod', pod }));
    if (node) return [];
    const runs = new Map<string, KubePod[]>();
    for (const pod of this.pods.values()) {
      const run = pod.metadata?.labels?.dbnd_run_uid ?? '(no run label)';
      runs.set(run, [...(runs.get(run) ?? []), pod]);
    }
    const nodes: Node[] = [...runs].map(([runUid, pods]) => ({
      kind: 'run',
      runUid,
      pods: pods.sort((a, b) => name(a).localeCompare(name(b))),
    }));
    return this.message ? [{ kind: 'message', text: this.message }, ...nodes] : nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') return new vscode.TreeItem(node.text);
    if (node.kind === 'run') {
      const item = new vscode.TreeItem(`run ${node.runUid}`, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.pods.length} pod${node.pods.length === 1 ? '' : 's'}`;
      item.iconPath = new vscode.ThemeIcon('run-all');
      return item;
    }
    const s = summarizePod(node.pod);
    const item = new vscode.TreeItem(s.name);
    item.description = `${s.phase}${s.detail ? ` · ${s.detail}` : ''}${s.tryNumber ? ` · try ${s.tryNumber}` : ''}`;
    item.tooltip = s.failure
      ? `${item.description}\n${s.failure}${s.reason ? `\nreason key: ${s.reason}` : ''}`
      : item.description;
    item.contextValue = s.failure ? 'databandPod.failed' : 'databandPod';
    item.iconPath = new vscode.ThemeIcon(
      s.phase === 'Succeeded' ? 'pass' : s.failure ? 'error' : s.phase === 'Running' ? 'sync~spin' : 'clock',
    );
    return item;
  }

  /** The pod of a tree node, re-read so commands act on the cluster's current state. */
  podOf(node: unknown): KubePod | undefined {
    return node && typeof node === 'object' && (node as Node).kind === 'pod'
      ? (node as { pod: KubePod }).pod
      : undefined;
  }

  async showYaml(pod: KubePod): Promise<void> {
    const fresh = (await this.api?.readPod(name(pod))) ?? pod;
    const { managedFields: _ignored, ...metadata } = (fresh.metadata ?? {}) as Record<string, unknown>;
    const doc = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: stringify({ ...fresh, metadata }),
    });
    await vscode.window.showTextDocument(doc, { preview: true });
  }

  showFailure(pod: KubePod): void {
    const s = summarizePod(pod);
    const text = s.failure
      ? `${s.name}: ${s.failure}${s.reason ? ` — dbnd's reason key is "${s.reason}" (pod_error_cfg_source_dict)` : ''}`
      : `${s.name} has not failed (${s.phase}${s.detail ? `, ${s.detail}` : ''}).`;
    void vscode.window.showInformationMessage(text);
  }

  async delete(pod: KubePod): Promise<void> {
    if (!this.api) return;
    const ok = await vscode.window.showWarningMessage(`Delete pod ${name(pod)}?`, { modal: true }, 'Delete');
    if (ok !== 'Delete') return;
    try {
      await this.api.deletePod(name(pod));
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Cannot delete ${name(pod)}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** Follows the pod's `base` log into an output channel of its own until the container ends or the user cancels. */
  async followLog(pod: KubePod): Promise<void> {
    if (!this.api) return;
    const api = this.api;
    const channel = vscode.window.createOutputChannel(`Databand Pod: ${name(pod)}`);
    channel.show(true);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Following ${name(pod)}`, cancellable: true },
      async (_progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        try {
          const result = await followPodLog(api, name(pod), {
            clock: systemClock,
            signal: ac.signal,
            onLines: (lines) => channel.append(lines.map((l) => `${l.text}\n`).join('')),
          });
          channel.appendLine(`[databand] log ended (${result.end}, ${result.lines} lines)`);
        } catch (err) {
          channel.appendLine(`[databand] ${err instanceof Error ? err.message : String(err)}`);
        }
      },
    );
  }

  dispose(): void {
    this.stop();
    this.treeView.dispose();
    this.changed.dispose();
  }
}
