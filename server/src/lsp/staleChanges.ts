// A `textDocument/didChange` whose version is older than the document the server has is a change the client
// sent out of order (or twice): applying it would replace the newer text with an older one and lint that.
// TextDocuments applies every change it gets, so its connection is handed through this filter: such a change is
// logged and dropped, and so is a change without a document (malformed params) instead of a stack in the log.
import type { Connection, DidChangeTextDocumentParams, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export function withoutStaleChanges(connection: Connection, documents: TextDocuments<TextDocument>): Connection {
  return new Proxy(connection, {
    get(target, property, receiver) {
      if (property !== 'onDidChangeTextDocument') return Reflect.get(target, property, receiver);
      return (handler: (params: DidChangeTextDocumentParams) => void) =>
        target.onDidChangeTextDocument((params) => {
          const uri: unknown = params?.textDocument?.uri;
          if (typeof uri !== 'string' || !Array.isArray(params.contentChanges)) {
            target.console.error(
              'textDocument/didChange ignored: malformed params (no textDocument.uri or contentChanges)',
            );
            return;
          }
          const version = params.textDocument.version;
          const current = documents.get(uri)?.version;
          if (typeof version === 'number' && current !== undefined && version < current) {
            target.console.warn(
              `textDocument/didChange ignored for ${uri}: version ${version} is older than version ${current}`,
            );
            return;
          }
          handler(params);
        });
    },
  });
}
