// The dbnd-cfg language server (dist/server/server.js, bin `dbnd-cfg-language-server`). LSP glue only: the
// language knowledge is in ./core, editor features in ./ide, LSP in ./lsp. The transport comes from the command
// line (--stdio, --node-ipc, --socket=N), so VS Code starts it over IPC and any other editor or test over stdio.
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describeError } from './lsp/describeError';
import { registerHandlers } from './lsp/registerHandlers';
import { ServerState } from './lsp/serverState';
import { withoutStaleChanges } from './lsp/staleChanges';
import { stdioTransport } from './lsp/stdioTransport';

// V8 lets the old generation grow to up to 4x its live size before the next full collection; an edit's analysis is
// mostly short-lived garbage, so with a 100k-line file (~65 MiB live) the process peaked at 295-320 MiB. A growth
// of 1.5x keeps the peak at 210-270 MiB, for ~5% more CPU per edit at 20k lines and 30-40% at 100k (measured by
// test/bench/serverMemory.ts; docs/performance.md). Read at each collection, so setting it here, before the first
// document, takes effect; the editor's client needs no node option for it.
setFlagsFromString('--heap-growing-percent=50');
// The young generation stays at its first size (a 1 MiB semi-space) instead of doubling up to 16 MiB: an analysis
// fills it many times over whatever its size, so a larger one mostly holds more garbage at the peak. At 100k lines
// the first diagnostics' RSS 153-157 -> 125 MiB and the peak after 10 edits 224-225 -> 184-201 MiB, at 20k the
// peak 118-120 -> 93-94 MiB, for 0-10% more CPU per edit (test/bench/serverMemory.ts, docs/performance.md).
// --max-semi-space-size would cap it higher, but is read only when the heap is made; the growth factor is read
// at each scavenge, so it takes effect from here.
setFlagsFromString('--semi-space-growth-factor=1');

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
