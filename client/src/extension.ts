// VS Code entry point. Thin on purpose: the language lives in the server; the client owns the UI around it
// (output channel, status item, commands).
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ServerController } from './serverController';
import { createServerStatusItem } from './serverStatus';

let server: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Databand', { log: true });
  const status = createServerStatusItem();
  server = new ServerController(context, output, status);
  context.subscriptions.push(output, status, ...registerCommands(server));
  await server.start();
}

export async function deactivate(): Promise<void> {
  // VS Code waits for this promise, so the server gets its shutdown/exit instead of being killed.
  await server?.stop();
  server = undefined;
}
