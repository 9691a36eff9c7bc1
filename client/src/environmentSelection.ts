// The dbnd environment chosen per workspace folder, remembered in workspaceState so it survives a reload.
// Unset means "what `dbnd run` uses without --env": the project's `[databand] env`.
import * as vscode from 'vscode';

const KEY_PREFIX = 'databand.environment:';

export class EnvironmentSelection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the project key whose selection changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get(key: string): string | undefined {
    return this.state.get<string>(KEY_PREFIX + key);
  }

  async set(key: string, env: string | undefined): Promise<void> {
    await this.state.update(KEY_PREFIX + key, env);
    this.changed.fire(key);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
