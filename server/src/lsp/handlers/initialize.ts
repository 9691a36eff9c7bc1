// `initialize`: what this server can do, and the workspace folders the project model starts with. Documents are
// synced incrementally (TextDocuments applies the edits); diagnostics are pushed with publishDiagnostics.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { COMPLETION_TRIGGER_CHARACTERS } from '../../ide/completion';
import type { ServerState } from '../serverState';

export const SERVER_NAME = 'dbnd-cfg-language-server';

export function initialize(state: ServerState, params: InitializeParams): InitializeResult {
  state.clientCapabilities = params.capabilities;
  const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri }] : []);
  state.projects.setFolders(folders);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeLensProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: [...COMPLETION_TRIGGER_CHARACTERS] },
      hoverProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: SERVER_NAME },
  };
}
