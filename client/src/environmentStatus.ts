// The status bar item showing the dbnd environment of the active file's project: the one selected for its
// workspace folder, else dbnd's default (`[databand] env`), with the engine it uses. Click to select another.
// Shown while a dbnd file or a Databand document is active.
import * as vscode from 'vscode';
import { EnvironmentsRequest } from '../../protocol/customRequests';
import { SELECT_ENVIRONMENT_COMMAND } from './commandIds';
import type { EnvironmentSelection } from './environmentSelection';
import { LANGUAGE_ID } from './languageClient';
import { activeProject } from './projectTarget';
import type { ServerController } from './serverController';
import type { DocumentViews } from './views/documentViews';

export class EnvironmentStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('databand.environment', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;
  private readonly updated = new vscode.EventEmitter<void>();
  /** Fires after each update of the item (the tests wait on it). */
  readonly onDidUpdate = this.updated.event;

  constructor(
    private readonly server: ServerController,
    private readonly selection: EnvironmentSelection,
    private readonly views: DocumentViews,
  ) {
    this.item.name = 'dbnd environment';
    this.item.command = SELECT_ENVIRONMENT_COMMAND;
    this.disposables.push(
      this.item,
      this.updated,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      selection.onDidChange(() => void this.update()),
      vscode.workspace.onDidSaveTextDocument((d) => d.languageId === LANGUAGE_ID && void this.update()),
    );
  }

  async update(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    const relevant = doc && (doc.languageId === LANGUAGE_ID || this.views.projectOf(doc.uri));
    const project = relevant ? activeProject((uri) => this.views.projectOf(uri)) : undefined;
    if (!project) {
      this.item.hide();
      this.updated.fire();
      return;
    }
    const selected = this.selection.get(project.key);
    let text = selected ?? '…';
    let tooltip = 'dbnd environment: click to select';
    try {
      const result = await this.server.request(EnvironmentsRequest.type, { uri: project.uri.toString() });
      const name = selected ?? result.defaultEnv;
      const info = result.environments.find((e) => e.name === name);
      text = name;
      const engine = info?.engine
        ? ` · ${info.kubernetes ? 'Kubernetes' : (info.engineClass ?? 'engine')} ${info.engine}`
        : '';
      tooltip = `dbnd environment${selected ? '' : " (dbnd's default, [databand] env)"}: ${name}${engine}\nClick to select another.`;
      if (!info && !result.error)
        tooltip = `${name} is not listed in [run] environments: dbnd would refuse it.\nClick to select another.`;
    } catch {
      // The server is not running; the language status item says so. Keep showing the selection.
    }
    if (generation !== this.generation) return; // a newer update is under way
    this.item.text = `$(server-environment) ${text}`;
    this.item.tooltip = tooltip;
    this.item.show();
    this.updated.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
