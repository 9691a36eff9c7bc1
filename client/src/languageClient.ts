// How the client starts the language server: the bundled dist/server/server.js in a Node process of its own,
// talking over Node IPC, for every document of language dbnd-cfg.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

export const LANGUAGE_ID = 'dbnd-cfg';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // Launched from an Extension Development Host: attach a debugger on port 6009.
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    // Every scheme, untitled buffers included: the server lints the text it is sent, not the file on disk.
    documentSelector: [{ language: LANGUAGE_ID }],
    outputChannel: output,
  };
  return new LanguageClient('databand', 'Databand language server', serverOptions, clientOptions);
}
