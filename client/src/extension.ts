// VS Code entry point. Thin on purpose: the language lives in the server; the client owns the UI around it
// (output channel, status items, commands, read-only documents).
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { pickerShown, type EnvironmentItem } from './commands/selectEnvironment';
import { EnvironmentSelection } from './environmentSelection';
import { EnvironmentStatus } from './environmentStatus';
import { ServerController } from './serverController';
import { createServerStatusItem } from './serverStatus';
import { DocumentViews } from './views/documentViews';

/** What activate() returns: for the extension's own tests, which cannot see the UI through the API otherwise. */
export interface DatabandApi {
  readonly environmentStatus: EnvironmentStatus;
  readonly onDidShowEnvironmentPicker: vscode.Event<vscode.QuickPick<EnvironmentItem>>;
}

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DatabandApi> {
  const output = vscode.window.createOutputChannel('Databand', { log: true });
  const status = createServerStatusItem();
  server = new ServerController(context, output, status);
  const environments = new EnvironmentSelection(context.workspaceState);
  const views = new DocumentViews(server);
  const environmentStatus = new EnvironmentStatus(server, environments, views);
  context.subscriptions.push(
    output,
    status,
    environments,
    views,
    environmentStatus,
    pickerShown,
    ...registerCommands({ server, environments, views, workspaceState: context.workspaceState }),
  );
  await server.start();
  void environmentStatus.update();
  return { environmentStatus, onDidShowEnvironmentPicker: pickerShown.event };
}

export async function deactivate(): Promise<void> {
  // VS Code waits for this promise, so the server gets its shutdown/exit instead of being killed.
  await server?.stop();
  server = undefined;
}
