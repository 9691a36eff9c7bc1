// The dbnd-cfg language server (dist/server/server.js, bin `dbnd-cfg-language-server`). LSP glue only: the
// language knowledge is in ./core, editor features in ./ide, LSP in ./lsp. The transport comes from the command
// line (--stdio, --node-ipc, --socket=N), so VS Code starts it over IPC and any other editor or test over stdio.
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError } from './lsp/describeError';
import { registerHandlers } from './lsp/registerHandlers';
import { ServerState } from './lsp/serverState';
import { withoutStaleChanges } from './lsp/staleChanges';
import { stdioTransport } from './lsp/stdioTransport';

// Over stdio the transport is ours, so a broken message frame is logged (lsp/stdioTransport.ts).
const stdio = stdioTransport(process.argv);
const connection = stdio
  ? createConnection(ProposedFeatures.all, stdio.reader, stdio.writer)
  : createConnection(ProposedFeatures.all);
stdio?.attach(connection.console);
const documents = new TextDocuments(TextDocument);

// A bug in one request must not end the session: log it where the client shows server output, keep serving.
process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${describeError(err)}`));
process.on('unhandledRejection', (err) => connection.console.error(`Unhandled rejection: ${describeError(err)}`));

registerHandlers(new ServerState(connection, documents, process.env));
documents.listen(withoutStaleChanges(connection, documents));
connection.listen();
