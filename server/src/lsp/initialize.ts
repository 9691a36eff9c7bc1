// `initialize`: what this server can do. Documents are synced incrementally (TextDocuments applies the edits);
// diagnostics are pushed with publishDiagnostics.
import { TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';

export const SERVER_NAME = 'dbnd-cfg-language-server';

export function initialize(_params: InitializeParams): InitializeResult {
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    },
    serverInfo: { name: SERVER_NAME },
  };
}
