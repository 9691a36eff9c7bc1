// What every handler works with: the connection, the open documents, the project model and the diagnostics
// publisher. Created once in server.ts; handlers receive it from registerHandlers.ts.
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Environment } from '../core/environment';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { lintDocument, lintUnopenedFiles } from './lintDocument';
import { ProjectModel } from './workspace/projectModel';

export class ServerState {
  readonly projects: ProjectModel;
  readonly diagnostics: DiagnosticsPublisher;
  /** What the client said it supports (set by `initialize`). */
  clientCapabilities: ClientCapabilities = {};

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    /** The server process environment: `$VAR`s and `DBND__S__K` values come from it (plus settings). */
    env: Environment,
  ) {
    this.projects = new ProjectModel(documents, env);
    this.diagnostics = new DiagnosticsPublisher(
      connection,
      documents,
      (document) => lintDocument(this.projects, document),
      undefined,
      () => lintUnopenedFiles(this.projects),
    );
  }

  /** Re-check these open documents (after a change elsewhere in their project), and every project's files
   *  that are not open (any change can change their verdict). */
  recheck(uris: readonly string[]): void {
    for (const uri of uris) this.diagnostics.schedule(uri);
    this.diagnostics.scheduleUnopened();
  }
}
