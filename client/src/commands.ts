// Every command the extension contributes, registered in one place.
import * as vscode from 'vscode';
import { RESTART_SERVER_COMMAND } from './commandIds';
import type { ServerController } from './serverController';

export function registerCommands(server: ServerController): vscode.Disposable[] {
  return [vscode.commands.registerCommand(RESTART_SERVER_COMMAND, () => server.restart())];
}
