// The language status item shown beside the language mode of a dbnd-cfg file: whether the server runs, and a
// one-click restart. It exists before the server starts, so a server that fails to start is visible.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './languageClient';
import { RESTART_SERVER_COMMAND } from './commandIds';

export type ServerState = 'starting' | 'running' | 'stopped' | 'failed';

export function createServerStatusItem(): vscode.LanguageStatusItem {
  const item = vscode.languages.createLanguageStatusItem('databand.server', { language: LANGUAGE_ID });
  item.name = 'Databand language server';
  item.command = { command: RESTART_SERVER_COMMAND, title: 'Restart' };
  showServerState(item, 'starting');
  return item;
}

export function showServerState(item: vscode.LanguageStatusItem, state: ServerState): void {
  item.busy = state === 'starting';
  item.severity = state === 'failed' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  item.text = {
    starting: 'dbnd: starting',
    running: 'dbnd',
    stopped: 'dbnd: stopped',
    failed: 'dbnd: failed to start',
  }[state];
  item.detail = state === 'failed' ? 'see the Databand output channel' : undefined;
}
