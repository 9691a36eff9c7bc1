// Every LSP handler of the server, in one place: read this file to know what the server does.
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Environment } from '../core/values/expandVars';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { initialize } from './initialize';
import { lintDocument } from './lintDocument';

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The environment `$VAR`s expand against and DBND__S__K layers come from: the server's own. */
  readonly env: Environment;
}

export function registerHandlers({ connection, documents, env }: ServerContext): void {
  // Lifecycle
  connection.onInitialize(initialize);

  // Diagnostics: on open and every change (TextDocuments fires onDidChangeContent for both), cleared on close
  const diagnostics = new DiagnosticsPublisher(connection, documents, (document) => lintDocument(document, env));
  documents.onDidChangeContent(({ document }) => diagnostics.schedule(document.uri));
  documents.onDidClose(({ document }) => diagnostics.clear(document.uri));
  connection.onShutdown(() => diagnostics.dispose());
}
