// The two read-only documents of the extension — the Pod spec (scheme dbnd-pod) and the effective config
// (scheme dbnd-config), both YAML — their opening, and their refresh whenever a file of the project changes:
// an edit in an open dbnd file (the server reads the editor's text) or a config or template file on disk.
import * as vscode from 'vscode';
import {
  EffectiveConfigRequest,
  EnvironmentsRequest,
  RenderPodRequest,
  type RenderPodParams,
  type RunParams,
} from '../../../protocol/customRequests';
import type { EnvironmentSelection } from '../environmentSelection';
import { LANGUAGE_ID } from '../languageClient';
import { projectOf } from '../projectTarget';
import type { ServerController } from '../serverController';
import { effectiveConfigText } from './effectiveConfigText';
import { kubernetesEnvironmentsHint, podSpecText } from './podSpecText';
import { ReadOnlyView } from './readOnlyView';
import { TextBuilder } from './viewText';

export const POD_SPEC_SCHEME = 'dbnd-pod';
export const EFFECTIVE_CONFIG_SCHEME = 'dbnd-config';
/**
 * What a Pod document shows. `followsSelection`: no environment was given, so the document shows the one selected
 * for the project's folder (else dbnd's default) and re-renders when the status bar's selection changes.
 */
export type PodSpecQuery = RenderPodParams & { readonly followsSelection?: boolean };
/** Coalesces a burst of keystrokes into one re-render. */
const REFRESH_DELAY_MS = 150;

export class DocumentViews implements vscode.Disposable {
  readonly podSpec: ReadOnlyView<PodSpecQuery>;
  readonly effectiveConfig: ReadOnlyView<RunParams>;
  private readonly disposables: vscode.Disposable[] = [];
  private pending: NodeJS.Timeout | undefined;

  constructor(
    server: ServerController,
    private readonly selection: EnvironmentSelection,
  ) {
    this.podSpec = new ReadOnlyView(POD_SPEC_SCHEME, async (q) => {
      const params = this.renderPodParams(q);
      const result = await server.request(RenderPodRequest.type, params);
      const hint =
        q.followsSelection && result.pod === null && !result.error
          ? kubernetesEnvironmentsHint(await server.request(EnvironmentsRequest.type, { uri: q.uri }))
          : undefined;
      return podSpecText(params, result, new TextBuilder(), hint);
    });
    this.effectiveConfig = new ReadOnlyView(EFFECTIVE_CONFIG_SCHEME, async (q) =>
      effectiveConfigText(await server.request(EffectiveConfigRequest.type, q), new TextBuilder()),
    );
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{cfg,ini,yaml,yml}');
    this.disposables.push(
      ...this.podSpec.register(),
      ...this.effectiveConfig.register(),
      watcher,
      // A Pod document that follows the selection shows the environment just picked in the status bar.
      selection.onDidChange(() => this.podSpec.refresh()),
      watcher.onDidChange((uri) => this.onProjectChange(uri)),
      watcher.onDidCreate((uri) => this.onProjectChange(uri)),
      watcher.onDidDelete((uri) => this.onProjectChange(uri)),
      // The settings reach the server too (extra files, variables, the default environment); the server reads
      // them again on the same change, and the delay below usually lets it finish first.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('databand')) this.onProjectChange();
      }),
      vscode.workspace.onDidChangeTextDocument(({ document }) => {
        if (document.uri.scheme === POD_SPEC_SCHEME || document.uri.scheme === EFFECTIVE_CONFIG_SCHEME) return;
        if (
          document.languageId === LANGUAGE_ID ||
          this.podSpec.dependsOn(document.uri) ||
          this.effectiveConfig.dependsOn(document.uri)
        ) {
          this.onProjectChange(document.uri);
        }
      }),
    );
  }

  /** The project a read-only document shows, so commands run from it act on that project. */
  projectOf(uri: vscode.Uri): vscode.Uri | undefined {
    const query = this.podSpec.query(uri) ?? this.effectiveConfig.query(uri);
    return query ? vscode.Uri.parse(query.uri) : undefined;
  }

  /** Opens the Pod document of `query`; without an environment it follows the folder's selected one. */
  showPodSpec(query: PodSpecQuery): Promise<vscode.TextEditor> {
    const name = query.mode === 'driver' ? 'driver' : (query.taskName ?? 'task');
    const folder = query.followsSelection ? 'selected-env' : (query.env ?? 'default-env');
    return show(this.podSpec.uri(`/${folder}/${name}-pod.yaml`, query));
  }

  /** The request for a Pod document: a following document asks for the environment selected now. */
  private renderPodParams(query: PodSpecQuery): RenderPodParams {
    const { followsSelection, ...params } = query;
    if (!followsSelection) return params;
    const env = this.selection.get(projectOf(vscode.Uri.parse(query.uri)).key);
    const { env: _given, ...rest } = params;
    return env ? { ...rest, env } : rest;
  }

  showEffectiveConfig(params: RunParams): Promise<vscode.TextEditor> {
    const engine = params.engine ? `-${params.engine}` : '';
    return show(this.effectiveConfig.uri(`/${params.env ?? 'default-env'}/effective-config${engine}.yaml`, params));
  }

  /** Re-renders the open documents after a change of the project (debounced). */
  onProjectChange(_uri?: vscode.Uri): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => {
      this.podSpec.refresh();
      this.effectiveConfig.refresh();
    }, REFRESH_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const d of this.disposables) d.dispose();
  }
}

async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  let doc = await vscode.workspace.openTextDocument(uri);
  // The .yaml path already selects YAML where the built-in YAML support is present; say it explicitly anyway.
  if (doc.languageId !== 'yaml') doc = await vscode.languages.setTextDocumentLanguage(doc, 'yaml');
  return vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}
