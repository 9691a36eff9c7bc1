// The "Databand Pods" view: dbnd's pods (by dbnd's own labels) in the context and namespace chosen for the active
// project, live from a pod watch while the view is visible, grouped by run (label dbnd_run_uid). Each pod shows its
// phase and detail; its context menu follows the log, shows the YAML, explains the failure, or deletes it.
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import {
  DBND_POD_SELECTOR,
  followPodLog,
  openCluster,
  systemClock,
  watchPods,
  type Clock,
  type KubeApi,
  type KubePod,
  type PodWatch,
} from '../../../server/src/runIo';
import { activeRunOfPod } from './clusterRunner';
import type { ClusterChoice } from './clusterTarget';
import { emptyText, failureText, messageAfter, podText, runText } from './podTreeText';
import { RunLogChannel } from './runLogChannel';
import { ask } from './userPrompts';

type Node =
  | { readonly kind: 'run'; readonly runUid: string; readonly pods: readonly KubePod[] }
  | { readonly kind: 'pod'; readonly pod: KubePod }
  | { readonly kind: 'message'; readonly text: string };

const name = (pod: KubePod) => pod.metadata?.name ?? '';

/** The scheme of Show YAML's read-only documents: `databand-pod:/NAMESPACE/POD.yaml`. */
export const POD_YAML_SCHEME = 'databand-pod';

export class PodsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly pods = new Map<string, KubePod>();
  private watch: PodWatch | undefined;
  private api: KubeApi | undefined;
  private message: string | undefined = 'Open the view to list dbnd pods.';
  /** The watch has listed the namespace at least once: an empty list now means there are no pods. */
  private synced = false;
  private readonly treeView: vscode.TreeView<Node>;
  /** Show YAML's documents: read-only, named after the pod (as Kubernetes Tools does), never a dirty Untitled. */
  private readonly yamls = new Map<string, string>();
  private readonly yamlChanged = new vscode.EventEmitter<vscode.Uri>();
  private readonly yamlProvider: vscode.Disposable;

  constructor(
    /** The context/namespace of the active project (unset: the kubeconfig's current context, namespace default). */
    readonly choice: () => ClusterChoice | undefined,
    /** Where followed logs are written in full (the extension's log folder). */
    private readonly logDir: string,
    /** Time for the watch's retries; injectable so tests need not wait. */
    private readonly clock: Clock = systemClock,
  ) {
    this.treeView = vscode.window.createTreeView('databand.pods', { treeDataProvider: this, showCollapseAll: true });
    this.treeView.onDidChangeVisibility((e) => (e.visible ? void this.start() : this.stop()));
    this.yamlProvider = vscode.workspace.registerTextDocumentContentProvider(POD_YAML_SCHEME, {
      onDidChange: this.yamlChanged.event,
      provideTextDocumentContent: (uri) => this.yamls.get(uri.toString()) ?? '',
    });
    // A view already open when the extension starts gets no visibility change: start it now, not at Refresh.
    if (this.treeView.visible) void this.start();
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
      clock: this.clock,
      // A view shows live state while it is open: it keeps retrying (every 5 s at most) however long the
      // cluster is away, and recovers by itself when it is back; hiding the view stops it.
      maxOutageMs: Number.POSITIVE_INFINITY,
      onStatus: (s) => {
        if (s.kind === 'synced') this.synced = true;
        const next = messageAfter(s, this.message);
        if (next !== this.message) this.say(next);
      },
      onEvent: (e) => {
        if (e.type === 'DELETED') this.pods.delete(name(e.pod));
        else this.pods.set(name(e.pod), e.pod);
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
    this.synced = false;
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
    if (this.message) return [{ kind: 'message', text: this.message }, ...nodes];
    if (nodes.length === 0 && this.synced && this.api) {
      return [{ kind: 'message', text: emptyText(this.api.target.context, this.api.target.namespace) }];
    }
    return nodes;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'message') {
      const item = new vscode.TreeItem(node.text);
      item.tooltip = node.text; // a long message is cut in a narrow sidebar
      return item;
    }
    if (node.kind === 'run') {
      const text = runText(node.runUid, node.pods, new Date());
      const item = new vscode.TreeItem(text.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = text.description;
      item.tooltip = text.tooltip;
      item.iconPath = new vscode.ThemeIcon('run-all');
      return item;
    }
    const text = podText(node.pod);
    const item = new vscode.TreeItem(text.label);
    item.description = text.description;
    item.tooltip = text.tooltip;
    item.contextValue = text.failed ? 'databandPod.failed' : 'databandPod';
    item.iconPath = new vscode.ThemeIcon(text.icon);
    return item;
  }

  /** The pod of a tree node, re-read so commands act on the cluster's current state. */
  podOf(node: unknown): KubePod | undefined {
    return node && typeof node === 'object' && (node as Node).kind === 'pod'
      ? (node as { pod: KubePod }).pod
      : undefined;
  }

  async showYaml(pod: KubePod): Promise<vscode.TextDocument> {
    const fresh = (await this.api?.readPod(name(pod))) ?? pod;
    const { managedFields: _ignored, ...metadata } = (fresh.metadata ?? {}) as Record<string, unknown>;
    const namespace = fresh.metadata?.namespace ?? this.api?.target.namespace ?? 'default';
    const uri = vscode.Uri.from({ scheme: POD_YAML_SCHEME, path: `/${namespace}/${name(fresh)}.yaml` });
    this.yamls.set(uri.toString(), stringify({ ...fresh, metadata }));
    // An open document of the same pod shows the state read now.
    this.yamlChanged.fire(uri);
    const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'yaml');
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }

  /** Says why the pod failed, in dbnd's words with its reason key; returns the text shown. */
  showFailure(pod: KubePod): string {
    const text = failureText(pod);
    void vscode.window.showInformationMessage(text);
    return text;
  }

  /** Deletes the pod once the user confirms; true when the API server accepted the deletion. */
  async delete(pod: KubePod): Promise<boolean> {
    if (!this.api) return false;
    if ((await ask(`Delete pod ${name(pod)}?`, true, 'Delete')) !== 'Delete') return false;
    try {
      await this.api.deletePod(name(pod));
      return true;
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Cannot delete ${name(pod)}: ${err instanceof Error ? err.message : String(err)}`,
      );
      return false;
    }
  }

  /**
   * Follows the pod's `base` log into an output channel of its own (batched, with the full log in a file past what
   * a channel keeps) until the container ends or the user cancels; returns the channel when the log has ended.
   * The driver pod of a run of this window already streams into the run's channel: that channel is shown and
   * returned at once, and no second notification appears (the run's own Cancel stops the run and deletes the pod).
   */
  async followLog(pod: KubePod): Promise<RunLogChannel | undefined> {
    const podName = name(pod);
    const run = activeRunOfPod(podName);
    if (run) {
      run.log.channel.show(true);
      return run.log;
    }
    if (!this.api) return undefined;
    const api = this.api;
    const log = new RunLogChannel(`Databand Pod: ${podName}`, this.logDir, `pod-${podName}-${Date.now()}.log`);
    log.channel.show(true);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: `Following ${podName}`, cancellable: true },
      async (_progress, token) => {
        const ac = new AbortController();
        token.onCancellationRequested(() => ac.abort());
        try {
          const result = await followPodLog(api, podName, {
            clock: systemClock,
            signal: ac.signal,
            onLines: (lines) => log.log(lines.map((l) => l.text)),
          });
          log.status(`log ended (${result.end}, ${result.lines} lines)`);
        } catch (err) {
          log.status(err instanceof Error ? err.message : String(err));
        } finally {
          await log.finish();
        }
      },
    );
    return log;
  }

  dispose(): void {
    this.stop();
    this.treeView.dispose();
    this.changed.dispose();
    this.yamlProvider.dispose();
    this.yamlChanged.dispose();
  }
}
